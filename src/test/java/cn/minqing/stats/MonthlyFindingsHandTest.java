package cn.minqing.stats;

import static cn.minqing.support.HandCases.morningOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.search.HotTopics;
import cn.minqing.support.ApiTest;
import cn.minqing.support.HandCases;
import cn.minqing.support.HandCases.Case;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly report's findings, the time per stage and the hot topics on two seeded months with
 * known answers: May 2019 (17 cases) and June 2019 (18 cases), which no other test and no demo
 * case uses. The cases go through the real outbox into Elasticsearch for the hot topics; stage
 * times are Camunda history rows of their own. Everything is removed after the test.
 *
 * <p>Cases per category, May → June, and what the findings may say with at least 5 cases this
 * month and 3 last month for a rise, 5 last month for a fall ({@code minqing.stats.findings.*}):
 * <pre>
 *   道路桥梁 road     2 → 6   +200%  not stated: last month 2 &lt; 3
 *   饮水供水 water    3 → 5    +67%  stated: 5 ≥ 5 and 3 ≥ 3 (both on the threshold); 3 of June's 5 in 石门镇
 *   养老 elderly      3 → 4    +33%  not stated: this month 4 &lt; 5
 *   用电 power        5 → 2    −60%  stated: last month 5 ≥ 5 (on the threshold)
 *   医疗医保 medical  4 → 1    −75%  not stated: last month 4 &lt; 5
 * </pre>
 */
class MonthlyFindingsHandTest extends ApiTest {

    static final String PREFIX = "HAND1906-";
    static final String PROCESS = "hand1906-process-";
    static final String SHIMEN = "QS01001";
    static final String QINGXI = "QS02001";
    static final YearMonth JUNE = YearMonth.of(2019, 6);

    // what the villagers wrote: each month has words of its own, and one phrase both share
    static final String JUNE_WATER = "自来水管道破裂，全组停水，请尽快抢修。村民反映";
    static final String JUNE_ROAD = "村道塌方，车辆无法通行。村民反映";
    static final String MAY_WATER = "井水浑浊发黄，不能饮用。村民反映";
    static final String MAY_ROAD = "路灯损坏，晚上看不清。村民反映";
    static final String OTHER = "情况说明。村民反映";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    MonthlyReports reports;
    @Autowired
    HotTopics hotTopics;

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // June: road 6 (one open past its deadline), water 5 (3 石门镇, 2 青溪乡), elderly 4,
        // power 2 (one solved, one unsolvable), medical 1
        for (int i = 1; i <= 6; i++) {
            cases.add(june("R" + i, QINGXI, "road", i == 1 ? "dispatched" : "received", i, JUNE_ROAD));
        }
        for (int i = 1; i <= 5; i++) {
            cases.add(june("W" + i, i <= 3 ? SHIMEN : QINGXI, "water", "received", 2 + i, JUNE_WATER));
        }
        for (int i = 1; i <= 4; i++) {
            cases.add(june("E" + i, QINGXI, "elderly", "received", 10 + i, OTHER));
        }
        cases.add(june("P1", SHIMEN, "power", "solved", 15, OTHER));
        cases.add(june("P2", SHIMEN, "power", "unsolvable", 16, OTHER));
        cases.add(june("M1", SHIMEN, "medical", "received", 17, OTHER));
        // May: road 2, water 3 (all solved), elderly 3, power 5, medical 4
        for (int i = 1; i <= 2; i++) {
            cases.add(may("R" + i, QINGXI, "road", "received", 5 + i, MAY_ROAD));
        }
        for (int i = 1; i <= 3; i++) {
            cases.add(may("W" + i, SHIMEN, "water", "solved", 8 + i, MAY_WATER));
        }
        for (int i = 1; i <= 3; i++) {
            cases.add(may("E" + i, QINGXI, "elderly", "received", 12 + i, OTHER));
        }
        for (int i = 1; i <= 5; i++) {
            cases.add(may("P" + i, SHIMEN, "power", "received", 15 + i, OTHER));
        }
        for (int i = 1; i <= 4; i++) {
            cases.add(may("M" + i, SHIMEN, "medical", "received", 21 + i, OTHER));
        }
        return cases;
    }

    static Case june(String id, String village, String category, String status, int day, String text) {
        return shaped(PREFIX + "J" + id, village, category, status, morningOf(2019, 6, day), text);
    }

    static Case may(String id, String village, String category, String status, int day, String text) {
        return shaped(PREFIX + "M" + id, village, category, status, morningOf(2019, 5, day), text);
    }

    /** Received: nothing more; dispatched: deadlines of 24 h and 120 h; solved or unsolvable: closed after 48 h. */
    static Case shaped(String number, String village, String category, String status, OffsetDateTime created, String text) {
        boolean dispatched = !status.equals("received");
        boolean closed = status.equals("solved") || status.equals("unsolvable");
        return new Case(number, village, category, status, created, dispatched ? 24 : null, closed ? 2 : null,
                dispatched ? 120 : null, closed ? 48 : null, status.equals("solved") ? "satisfied" : null,
                0, 0, 0, 0, text);
    }

    /**
     * Finished tasks of June's two power cases, in hours: 实施 implement 10, 20, 30, 100; 受理 accept 1, 2;
     * 回访 feedback 200 (slowest, but the findings never name the villager's own stage).
     */
    void stageHistory() {
        ZoneId engine = ZoneId.systemDefault(); // Camunda keeps local times in the JVM's zone
        int[][] tasks = {{10, 1}, {20, 1}, {30, 2}, {100, 2}};
        List<Object[]> rows = new ArrayList<>();
        for (int[] t : tasks) {
            rows.add(new Object[] {"implement", t[0], t[1]});
        }
        rows.add(new Object[] {"accept", 1, 1});
        rows.add(new Object[] {"accept", 2, 2});
        rows.add(new Object[] {"feedback", 200, 1});
        int n = 0;
        for (Object[] r : rows) {
            int hours = (Integer) r[1];
            LocalDateTime end = morningOf(2019, 6, 20).plusHours(n).atZoneSameInstant(engine).toLocalDateTime();
            jdbc.sql("""
                    insert into act_hi_taskinst (id_, task_def_key_, proc_inst_id_, start_time_, end_time_, duration_, delete_reason_)
                    values (?, ?, ?, ?, ?, ?, 'completed')
                    """).params(PROCESS + "task-" + (++n), r[0], PROCESS + r[2], end.minusHours(hours), end,
                    hours * 3_600_000L).update();
        }
        jdbc.sql("update minqing.case_record set process_instance_id = ? where number = ?")
                .params(PROCESS + 1, PREFIX + "JP1").update();
        jdbc.sql("update minqing.case_record set process_instance_id = ? where number = ?")
                .params(PROCESS + 2, PREFIX + "JP2").update();
    }

    @BeforeEach
    void write() {
        remove();
        HandCases.insert(jdbc, cases());
        stageHistory();
    }

    @AfterEach
    void remove() {
        List<String> numbers = jdbc.sql("select number from minqing.case_record where number like ?")
                .param(PREFIX + "%").query(String.class).list();
        for (String number : numbers) {
            try {
                elasticsearch.delete(d -> d.index("cases").id(number));
            } catch (Exception e) {
                // not indexed
            }
        }
        HandCases.delete(jdbc, PREFIX);
        jdbc.sql("delete from act_hi_taskinst where id_ like ?").param(PROCESS + "%").update();
        jdbc.sql("delete from minqing.monthly_report where month = ?").param(JUNE.toString()).update();
    }

    @Test
    void theFindingsStateOnlyChangesBigEnoughToMeanSomething() throws Exception {
        List<String> findings = reports.content("QS", JUNE).findings();
        assertThat(findings).containsExactly(
                // water 3 → 5: (5 − 3) / 3 = 0.667 → 67%; 石门镇 has 3 of the 5
                "饮水供水类诉求环比上升67%，集中在石门镇。",
                // power 5 → 2: (2 − 5) / 5 = −0.6 → 60%
                "用电类诉求环比下降60%。",
                // resolution: June 1 solved of 2 closed = 50%; May 3 of 3 = 100%: down 50.0 points
                "解决率下降50.0个百分点，为50.0%。",
                // implement (10 + 20 + 30 + 100) / 4 = 40.0; P90 rank ⌈0.9 × 4⌉ = 4: 100.0
                // (feedback's 200 is slower, but it is the villager's time, not the cadres')
                "实施环节平均耗时最长，为40.0小时（P90 100.0小时）。",
                // June's open road case, past its 120 h deadline
                "目前有1件诉求超过办结时限，需督办。");

        // the other side of each threshold: with 4 this month and 2 last month for a rise, 4 for a fall,
        // road (6, last 2), elderly (4, last 3) and medical (last 4) are stated too
        var content = reports.content("QS", JUNE);
        assertThat(MonthlyFindings.sentences(content.categories(), content.now(), content.before(), List.of(),
                new MonthlyFindings.Threshold(4, 2))).startsWith(
                "道路桥梁类诉求环比上升200%，集中在青溪乡。", "饮水供水类诉求环比上升67%，集中在石门镇。",
                "养老类诉求环比上升33%，集中在青溪乡。", "用电类诉求环比下降60%。", "医疗医保类诉求环比下降75%。");

        // and the leader's PDF says the same
        byte[] pdf = as("leader1").getForEntity("/api/reports/monthly?month=2019-06", byte[].class).getBody();
        String text = MonthlyReportTest.text(pdf).replaceAll("\\s", "");
        assertThat(text).contains("饮水供水类诉求环比上升67%", "用电类诉求环比下降60%").doesNotContain("道路桥梁类诉求环比上升");
    }

    @Test
    void timePerStageIsWhatTheHandSays() {
        JsonNode stages = get("leader1", "/api/stats/stages?from=2019-06-01&to=2019-06-30").getBody();
        Map<String, List<Double>> byStage = new HashMap<>();
        stages.forEach(s -> byStage.put(s.get("stage").asText(), List.of(s.get("finished").asDouble(),
                s.get("avgHours").asDouble(), s.get("p90Hours").asDouble())));
        assertThat(byStage).containsOnlyKeys("implement", "accept", "feedback");
        // implement: 4 tasks, (10 + 20 + 30 + 100) / 4 = 40; nearest rank ⌈3.6⌉ = 4: 100
        // (percentile_cont would say 30 + 0.7 × 70 = 79, which only 3 of 4 tasks kept)
        assertThat(byStage.get("implement")).containsExactly(4.0, 40.0, 100.0);
        // accept: (1 + 2) / 2 = 1.5; rank ⌈1.8⌉ = 2: 2 (percentile_cont: 1.9)
        assertThat(byStage.get("accept")).containsExactly(2.0, 1.5, 2.0);
        assertThat(byStage.get("feedback")).containsExactly(1.0, 200.0, 200.0);
        assertThat(stages.get(0).get("stage").asText()).as("slowest first").isEqualTo("feedback");
    }

    @Test
    void hotTopicsNameTheWordsAndCategoriesThatRose() throws Exception {
        HandCases.index(jdbc, PREFIX);
        var health = await(Duration.ofSeconds(60), "admin", "/actuator/health",
                h -> h.at("/components/searchOutbox/details/backlog").asLong() == 0);
        assertThat(health.at("/components/searchOutbox/details/backlog").asLong()).as("the outbox drained").isZero();
        elasticsearch.indices().refresh(r -> r.index("cases"));

        CurrentUser leader = new CurrentUser("leader1", "县领导", Set.of(Role.LEADER), null, null, null, "QS", List.of());
        OffsetDateTime from = JUNE.atDay(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
        HotTopics.Result hot = hotTopics.of("QS", null, from, from.plusDays(30), leader);

        // categories, June against the 30 days before (May 2 .. May 31): count, previous, change
        Map<String, List<Object>> categories = new HashMap<>();
        hot.categories().forEach(c -> categories.put(c.category(), List.of(c.count(), c.previous(), c.change())));
        assertThat(categories).containsExactlyInAnyOrderEntriesOf(Map.of(
                "road", List.of(6L, 2L, 2.0),                // (6 − 2) / 2
                "water", List.of(5L, 3L, 2.0 / 3),           // (5 − 3) / 3
                "elderly", List.of(4L, 3L, 1.0 / 3),         // (4 − 3) / 3
                "power", List.of(2L, 5L, -0.6),              // (2 − 5) / 5
                "medical", List.of(1L, 4L, -0.75)));         // (1 − 4) / 4
        assertThat(hot.categories().get(0).category()).as("largest rise first: road +4").isEqualTo("road");

        List<String> words = hot.terms().stream().map(HotTopics.RisingTerm::term).toList();
        // the analyser splits 停水 and 村道 into single characters; whole words of June's reports rise:
        // road's six (塌方, 车辆, 通行, each in 6 of June's 18 and none of May's 17) above water's five.
        // 塌方 is a form of the thesaurus entry 山体滑坡 (search/thesaurus.tsv), so its topic carries the entry's name.
        String landslide = "山体滑坡";
        assertThat(words).as("June's own words rise").contains(landslide, "车辆", "通行", "自来水", "管道", "破裂", "抢修");
        assertThat(words.indexOf(landslide)).as("six reports above five").isLessThan(words.indexOf("管道"));
        // Elasticsearch's JLH score, with a word May never used counted once in May's 17:
        // 塌方 (6/18 − 1/17) × (6/18 ÷ 1/17) = 1.5556; 管道 (5/18 − 1/17) × (5/18 ÷ 1/17) = 1.0340
        Map<String, Double> scores = new HashMap<>();
        hot.terms().forEach(t -> scores.put(t.term(), t.score()));
        assertThat(scores.get(landslide)).isCloseTo((6 / 18.0 - 1 / 17.0) * (6 / 18.0 / (1 / 17.0)), within(1e-9));
        assertThat(scores.get("管道")).isCloseTo((5 / 18.0 - 1 / 17.0) * (5 / 18.0 / (1 / 17.0)), within(1e-9));
        assertThat(hot.terms().stream().filter(t -> t.term().equals(landslide)).findFirst().orElseThrow().count())
                .as("in June's reports").isEqualTo(6);
        assertThat(words).as("May's words and the phrase both months share do not")
                .doesNotContain("浑浊", "路灯", "村民", "反映");
    }
}
