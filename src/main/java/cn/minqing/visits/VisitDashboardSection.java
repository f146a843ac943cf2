package cn.minqing.visits;

import cn.minqing.county.PartyBranches;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.stats.DashboardSections;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 民情走访 on the leaders' dashboard: the visit indicators of the library (applies_to 'visits') for the dashboard's
 * region and period, and a table one level down (townships of the county, villages of a township, party members
 * of a village), each row leading to the level below or to the households behind it; and a second section with the
 * same figures per party branch (党支部) whose party members serve households of the region.
 */
@Component
class VisitDashboardSection implements DashboardSections {

    private final VisitFigures figures;
    private final Regions regions;
    private final PartyBranches branches;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    VisitDashboardSection(VisitFigures figures, Regions regions, PartyBranches branches, JdbcClient jdbc,
                          @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.figures = figures;
        this.regions = regions;
        this.branches = branches;
        this.jdbc = jdbc;
        this.zone = ZoneId.of(zone);
    }

    @Override
    public List<Section> of(String region, LocalDate from, LocalDate to) {
        List<Region> within = regions.allWithin(region == null ? "" : region);
        List<String> villages = within.stream().filter(r -> r.level().equals("village")).map(Region::code).toList();
        String level = region == null || region.isEmpty() ? "county" : regions.find(region).map(Region::level).orElse("county");
        VisitFigures.Grouping grouping = switch (level) {
            case "county" -> VisitFigures.Grouping.TOWNSHIP;
            case "township" -> VisitFigures.Grouping.VILLAGE;
            default -> VisitFigures.Grouping.PARTY_MEMBER;
        };
        var start = from.atStartOfDay(zone).toOffsetDateTime();
        var end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        List<VisitFigures.Row> rows = villages.isEmpty() ? List.of() : figures.compute(villages, grouping, start, end);
        VisitTotals t = grouping.byRegion() ? VisitTotals.of(rows)
                : VisitTotals.of(figures.compute(villages, VisitFigures.Grouping.VILLAGE, start, end));
        String households = UriComponentsBuilder.fromPath("/households")
                .queryParamIfPresent("village", java.util.Optional.of(region == null ? "" : region).filter(villages::contains))
                .build().toUriString();
        Map<String, String> definitions = definitions();
        List<Figure> shown = List.of(
                figure("visitHouseholdsCovered", definitions, t.covered() + " / " + t.households() + " 户", households),
                figure("visitCoverage", definitions, VisitTotals.percent(t.coverage()), households),
                figure("visitOnScheduleRate", definitions, VisitTotals.percent(t.onScheduleRate())
                        + "（" + t.onSchedule() + " / " + t.visits() + " 次）", households),
                figure("visitNeedShare", definitions, VisitTotals.percent(t.needShare()) + "（" + t.needsFromVisits()
                        + " / " + (t.needsFromVisits() + t.casesFromVillagers()) + " 件）", cases(region, from, to)),
                figure("visitCasesSolvedRate", definitions, VisitTotals.percent(t.solvedRate()) + "（"
                        + t.visitCasesSolved() + " / " + t.needsFromVisits() + " 件）", cases(region, from, to)));
        List<List<String>> cells = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (VisitFigures.Row r : rows) {
            cells.add(List.of(r.name() == null ? r.code() : r.name(), Long.toString(r.households()),
                    VisitTotals.percentOf(r.coverage()), VisitTotals.percentOf(r.onSchedule()),
                    Long.toString(r.needsFromVisits()), VisitTotals.percentOf(r.visitCasesSolvedRate())));
            links.add(switch (grouping) {
                case TOWNSHIP -> UriComponentsBuilder.fromPath("/dashboard").queryParam("region", r.code())
                        .queryParam("from", from).queryParam("to", to).build().toUriString();
                case VILLAGE -> "/households?village=" + r.code();
                default -> households;
            });
        }
        String first = switch (grouping) {
            case TOWNSHIP -> "乡镇";
            case VILLAGE -> "村";
            default -> "联户党员";
        };
        Table table = new Table(List.of(first, "在册户数", "走访覆盖率", "按时走访率", "走访发现诉求", "走访诉求解决率"), cells, links);
        return List.of(new Section("visit-figures", "民情走访",
                "在册农户的走访情况（" + from + " ~ " + to + "）；按户档案计算，与诉求指标分开", shown, table),
                byBranch(villages, from, to, start, end));
    }

    /**
     * 按党支部: the households served by each branch's party members, in the dashboard's region; a branch leads to
     * its village's households, or to the dashboard of its township.
     */
    private Section byBranch(List<String> villages, LocalDate from, LocalDate to, java.time.OffsetDateTime start,
                             java.time.OffsetDateTime end) {
        List<VisitFigures.Row> rows = villages.isEmpty() ? List.of()
                : figures.compute(villages, VisitFigures.Grouping.BRANCH, start, end);
        List<List<String>> cells = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (VisitFigures.Row r : rows) {
            cells.add(List.of(r.name(), Long.toString(r.households()), Long.toString(r.householdsCovered()),
                    VisitTotals.percentOf(r.coverage()), VisitTotals.percentOf(r.onSchedule()),
                    Long.toString(r.needsFromVisits()), VisitTotals.percentOf(r.visitCasesSolvedRate())));
            String place = branches.find(r.code()).map(b -> b.regionCode()).orElse("");
            links.add(villages.contains(place) ? "/households?village=" + place
                    : UriComponentsBuilder.fromPath("/dashboard").queryParam("region", place).queryParam("from", from)
                            .queryParam("to", to).build().toUriString());
        }
        Table table = new Table(List.of("党支部", "联系户数", "走访覆盖户数", "走访覆盖率", "按时走访率", "走访发现诉求",
                "走访诉求解决率"), cells, links);
        return new Section("visit-branches", "民情走访（按党支部）",
                rows.isEmpty() ? "本地区没有党员联系的农户" : "各党支部党员联系的农户（" + from + " ~ " + to + "）", List.of(), table);
    }

    private Figure figure(String code, Map<String, String> definitions, String value, String href) {
        String[] nameAndDefinition = definitions.getOrDefault(code, code + "\t").split("\t", 2);
        return new Figure(code, nameAndDefinition[0], value, nameAndDefinition[1], href);
    }

    /** The visit indicators of the library: code → name and definition, tab-separated. */
    private Map<String, String> definitions() {
        return jdbc.sql("select code, name_zh || chr(9) || definition as text from minqing.indicator where applies_to = 'visits'")
                .query((rs, n) -> Map.entry(rs.getString("code"), rs.getString("text"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The cases found on visits in the region and period (来源: 走访发现), in search. */
    private static String cases(String region, LocalDate from, LocalDate to) {
        return UriComponentsBuilder.fromPath("/search").queryParam("region", region == null ? "" : region)
                .queryParam("from", from).queryParam("to", to).queryParam("channel", "visit").build().toUriString();
    }
}
