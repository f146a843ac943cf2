package cn.minqing.plans;

import cn.minqing.people.CurrentUser;
import cn.minqing.stats.IndicatorReadings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a plan's page shows: the plan, its indicator before and since with the number of cases behind each figure
 * and a link to those cases on the search page, comparable regions, the linked cases, the milestones with their
 * progress reports and who may report on them.
 */
@Component
class PlanPageModel {

    /** One figure's cases: how many were received in its days, and the search that lists them. */
    record Behind(long cases, String href) {
    }

    record IndicatorOption(String code, String name, String unit) {
    }

    private final WorkPlans plans;
    private final Plans store;
    private final PlanEffect effect;
    private final PlanComparison comparison;
    private final PlanProgress progress;
    private final PlanReports reports;
    private final IndicatorReadings readings;
    private final JdbcClient jdbc;
    private final PlanAccess access;
    private final DeferralStore deferred;

    PlanPageModel(WorkPlans plans, Plans store, PlanEffect effect, PlanComparison comparison, PlanProgress progress,
                  PlanReports reports, IndicatorReadings readings, JdbcClient jdbc, PlanAccess access,
                  DeferralStore deferred) {
        this.deferred = deferred;
        this.access = access;
        this.plans = plans;
        this.store = store;
        this.effect = effect;
        this.comparison = comparison;
        this.progress = progress;
        this.reports = reports;
        this.readings = readings;
        this.jdbc = jdbc;
    }

    void fill(long id, CurrentUser me, Model model) {
        PlanView view = plans.get(id, me); // 404 when the person may not see it
        PlanRow row = store.find(id).orElseThrow();
        PlanEffect.Measured m = effect.measure(row);
        String category = row.categories().size() == 1 ? row.categories().get(0) : null;
        model.addAttribute("me", me);
        model.addAttribute("p", view);
        model.addAttribute("before", behind(row, category, m.beforeFrom(), m.beforeTo()));
        model.addAttribute("since", behind(row, category, m.sinceFrom(), m.sinceTo()));
        model.addAttribute("linkedHref", search(row, category, true, null, null));
        model.addAttribute("compared", comparison.of(row, m));
        model.addAttribute("cases", plans.cases(id, me));
        model.addAttribute("reports", reportsBySeq(id));
        Map<Integer, Boolean> mayReport = new LinkedHashMap<>();
        store.milestones(id).forEach(ms -> mayReport.put(ms.seq(), reports.mayReport(row, ms, me)));
        model.addAttribute("mayReport", mayReport);
        model.addAttribute("mayLink", access.mayLink(row, me));
        model.addAttribute("assignees", assigneeNames(id));
        model.addAttribute("deferred", deferredShown(id, me));
    }

    /** 挂账: the cases deferred to the plan now that the person may see (the page is for cadres, leaders, admins). */
    private List<Deferral> deferredShown(long id, CurrentUser me) {
        List<Deferral> all = deferred.ofPlan(id);
        java.util.Set<String> visible = plans.visible(all.stream().map(Deferral::caseNumber).toList(), me);
        return all.stream().filter(d -> visible.contains(d.caseNumber())).toList();
    }

    /** The display names of the milestones' assignees. */
    private Map<String, String> assigneeNames(long id) {
        return jdbc.sql("""
                select distinct u.username, u.display_name from minqing.plan_milestone m
                  join minqing.app_user u on u.username = m.assignee where m.plan_id = ?
                """).param(id).query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Map<Integer, List<PlanProgress.Report>> reportsBySeq(long id) {
        return progress.of(id).stream().collect(Collectors.groupingBy(PlanProgress.Report::seq, LinkedHashMap::new, Collectors.toList()));
    }

    Map<Integer, List<PlanProgress.Report>> publicReportsBySeq(long id) {
        return progress.of(id).stream().filter(r -> !r.isSupervision())
                .collect(Collectors.groupingBy(PlanProgress.Report::seq, LinkedHashMap::new, Collectors.toList()));
    }

    List<IndicatorOption> indicators() {
        return jdbc.sql("select code, name_zh, unit from minqing.indicator where applies_to = 'cases' order by sort")
                .query((rs, i) -> new IndicatorOption(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private Behind behind(PlanRow row, String category, java.time.LocalDate from, java.time.LocalDate to) {
        Double n = row.categories().size() > 1 ? null : readings.value("receivedCount", row.region(), category, from, to);
        return new Behind(n == null ? 0 : n.longValue(), search(row, category, false, from, to));
    }

    /**
     * The search page for the plan's region and category, with its words when {@code words} (the linked cases) or
     * without (the cases an indicator counts, which knows no words), over the given days when given.
     */
    static String search(PlanRow row, String category, boolean words, java.time.LocalDate from, java.time.LocalDate to) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/search").queryParam("region", row.region());
        if (category != null) {
            b.queryParam("category", category);
        }
        if (words && row.query() != null) {
            b.queryParam("q", row.query());
        }
        if (from != null) {
            b.queryParam("from", from).queryParam("to", to);
        }
        return b.encode().build().toUriString();
    }
}
