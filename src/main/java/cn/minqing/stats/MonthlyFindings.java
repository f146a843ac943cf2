package cn.minqing.stats;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The month's facts behind the analysis report, from PostgreSQL: categories and their change, where
 * they rose most, the slowest organisations, the oldest unresolved cases, and findings in words.
 */
@Component
class MonthlyFindings {

    record CategoryChange(String category, String name, long count, long previous, String topTownship) {
        Double change() {
            return previous == 0 ? null : (count - previous) / (double) previous;
        }
    }

    record SlowOrganisation(String name, long closed, double avgHours) {
    }

    record OldCase(String number, String title, String village, OffsetDateTime createdAt, String status) {
    }

    private final JdbcClient jdbc;
    private final java.time.ZoneId zone;
    private final Threshold threshold;

    MonthlyFindings(JdbcClient jdbc, @Value("${minqing.time-zone:Asia/Shanghai}") String zone,
                    @Value("${minqing.stats.findings.min-cases:5}") int minCases,
                    @Value("${minqing.stats.findings.min-previous:3}") int minPrevious) {
        this.jdbc = jdbc;
        this.zone = java.time.ZoneId.of(zone);
        this.threshold = new Threshold(minCases, minPrevious);
    }

    /** The findings in words, with the configured thresholds. */
    List<String> sentences(List<CategoryChange> categories, IndicatorValues now, IndicatorValues before,
                           List<StageDurations.StageTime> stages) {
        return sentences(categories, now, before, stages, threshold);
    }

    List<CategoryChange> categories(String region, YearMonth month) {
        return jdbc.sql("""
                with m as (
                  select c.category_code, substr(c.village_code, 1, 4) as township,
                         (c.created_at >= ? and c.created_at < ?) as now
                    from minqing.case_record c
                   where c.created_at >= ? and c.created_at < ? and c.village_code like ?)
                select k.code as category, k.name_zh as name,
                       count(*) filter (where m.now) as count, count(*) filter (where not m.now) as previous,
                       (select r.name from m m2 join minqing.region r on r.code = m2.township
                         where m2.category_code = k.code and m2.now group by r.name order by count(*) desc, r.name limit 1) as top_township
                  from m join minqing.category k on k.code = m.category_code
                 group by k.code, k.name_zh, k.sort order by count(*) filter (where m.now) desc, k.sort
                """).params(start(month), start(month.plusMonths(1)), start(month.minusMonths(1)),
                        start(month.plusMonths(1)), region + "%")
                .query((rs, i) -> new CategoryChange(rs.getString("category"), rs.getString("name"),
                        rs.getLong("count"), rs.getLong("previous"), rs.getString("top_township"))).list();
    }

    List<SlowOrganisation> slowest(String region, YearMonth month) {
        return jdbc.sql("""
                select o.name, count(*) as closed,
                       round(avg(extract(epoch from c.closed_at - c.created_at) / 3600)::numeric, 1)::float8 as avg_hours
                  from minqing.case_record c join minqing.organisation o on o.code = c.handling_org
                 where c.closed_at >= ? and c.closed_at < ? and c.village_code like ?
                   and c.status in ('solved', 'unsolvable')
                 group by o.name order by avg_hours desc limit 5
                """).params(start(month), start(month.plusMonths(1)), region + "%")
                .query((rs, i) -> new SlowOrganisation(rs.getString("name"), rs.getLong("closed"), rs.getDouble("avg_hours")))
                .list();
    }

    List<OldCase> oldestOpen(String region) {
        return oldestOpen(region, null, 10);
    }

    /** The longest-open cases of a region (and category, when given), oldest first. */
    List<OldCase> oldestOpen(String region, String category, int limit) {
        return jdbc.sql("""
                select c.number, c.title, r.name as village, c.created_at, c.status
                  from minqing.case_record c join minqing.region r on r.code = c.village_code
                 where c.closed_at is null and c.status not in ('rejected', 'merged') and c.village_code like ?
                   and c.category_code = coalesce(?, c.category_code)
                 order by c.created_at limit ?
                """).params(region + "%", category, limit).query((rs, i) -> new OldCase(rs.getString("number"), rs.getString("title"),
                        rs.getString("village"), rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime(),
                        rs.getString("status"))).list();
    }

    /**
     * How many cases a change needs before it is stated as a percentage, so that 2 → 4 is not "a
     * rise of 100%": a rise needs at least {@code minCases} this month and {@code minPrevious} last
     * month (the base of the percentage); a fall needs at least {@code minCases} last month.
     */
    record Threshold(int minCases, int minPrevious) {
        static final Threshold DEFAULT = new Threshold(5, 3);

        boolean rise(CategoryChange c) {
            return c.change() != null && c.change() >= 0.2 && c.count() >= minCases && c.previous() >= minPrevious;
        }

        boolean fall(CategoryChange c) {
            return c.change() != null && c.change() <= -0.2 && c.previous() >= Math.max(minCases, minPrevious);
        }
    }

    /** Sentences stated from the data, e.g. 饮水供水类诉求环比上升35%，集中在石门镇. */
    static List<String> sentences(List<CategoryChange> categories, IndicatorValues now, IndicatorValues before) {
        return sentences(categories, now, before, List.of(), Threshold.DEFAULT);
    }

    /** As above, and which stage took longest, e.g. 实施环节平均耗时最长，为62.5小时（P90 140.0小时）. */
    static List<String> sentences(List<CategoryChange> categories, IndicatorValues now, IndicatorValues before,
                                  List<StageDurations.StageTime> stages, Threshold threshold) {
        List<String> out = new ArrayList<>();
        categories.stream().filter(threshold::rise).limit(3)
                .forEach(c -> out.add("%s类诉求环比上升%d%%%s。".formatted(c.name(), Math.round(c.change() * 100),
                        c.topTownship() == null ? "" : "，集中在" + c.topTownship())));
        categories.stream().filter(threshold::fall).limit(2)
                .forEach(c -> out.add("%s类诉求环比下降%d%%。".formatted(c.name(), Math.round(-c.change() * 100))));
        if (now.resolutionRate() != null && before.resolutionRate() != null) {
            double d = now.resolutionRate() - before.resolutionRate();
            out.add("解决率%s%.1f个百分点，为%.1f%%。".formatted(d >= 0 ? "提高" : "下降", Math.abs(d) * 100,
                    now.resolutionRate() * 100));
        }
        stages.stream().filter(s -> s.avgHours() != null && !s.stage().equals("feedback")).findFirst()
                .ifPresent(s -> out.add("%s环节平均耗时最长，为%.1f小时（P90 %.1f小时）。".formatted(s.name(), s.avgHours(),
                        s.p90Hours())));
        if (now.overdueCount() > 0) {
            out.add("目前有%d件诉求超过办结时限，需督办。".formatted(now.overdueCount()));
        }
        if (out.isEmpty()) {
            out.add("本月各类诉求总体平稳。");
        }
        return out;
    }

    OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
    }
}
