package cn.minqing.stats;

import static cn.minqing.support.HandCases.morningOf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.HandCases;
import cn.minqing.support.HandCases.Case;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every indicator of the library, worked out by hand on 20 cases written with exact times, per
 * township and for the county, and read over HTTP as a leader sees them.
 *
 * <p>The cases live in March 2019 (and two in February 2019, the previous period), which no other
 * test and no demo case uses; they are only in PostgreSQL (never on the search outbox) and are
 * removed after the test. Every expected number below is a literal with its arithmetic beside it;
 * none is computed by the code under test.
 *
 * <p>Definitions the numbers follow (docs/statistics.md, minqing.indicator): rates are fractions
 * rounded to four places, hours and supporters to two. The P90 is the nearest rank: the smallest
 * time to close within which at least 90% of the closed cases were closed, i.e. the ⌈0.9·n⌉-th
 * smallest (PostgreSQL {@code percentile_disc(0.9)}); the interpolated {@code percentile_cont}
 * gives a time that fewer than 90% of the cases kept for small n, and is shown beside it.
 * Satisfaction counts every evaluation: the final rating of a case, and each time it was sent back
 * for rework (重办: a dissatisfied rating, which the process erases when it reopens the case, or a
 * villager reopening it) as one dissatisfied evaluation.
 */
class HandWorkedIndicatorsTest extends ApiTest {

    static final String PREFIX = "HAND1903-";
    static final String SHIMEN = "QS01001";   // 李家村, 石门镇 QS01
    static final String SHIMEN_2 = "QS01002"; // 石门社区, 石门镇 QS01
    static final String QINGXI = "QS02001";   // 枫树坪村, 青溪乡 QS02

    @Autowired
    JdbcClient jdbc;

    /**
     * Sign deadline 24 h after filing, resolve deadline 120 h after filing (the one without is
     * legacy data). Hours: sign due, signed, resolve due, closed.
     */
    static List<Case> cases() {
        return List.of(
                // 石门镇 QS01, March
                c("A01", SHIMEN, "water", "solved", 4, 24, 2, 120, 10, "satisfied", 0, 0, 0, 3),
                c("A02", SHIMEN, "water", "solved", 5, 24, 30, 120, 40, "basically", 0, 0, 0, 0),
                c("A03", SHIMEN, "road", "solved", 6, 24, 3, 120, 130, "satisfied", 0, 1, 1, 1),
                c("A04", SHIMEN, "road", "solved", 7, 24, 5, 120, 50, "no-response", 0, 0, 0, 0),
                c("A05", SHIMEN_2, "road", "solved", 8, 24, 4, 120, 70, "dissatisfied", 0, 0, 0, 0),
                c("A06", SHIMEN_2, "power", "unsolvable", 11, 24, 1, 120, 90, null, 1, 0, 0, 2),
                c("A07", SHIMEN_2, "power", "unsolvable", 12, 24, 26, 120, 200, null, 0, 1, 2, 0),
                c("A08", SHIMEN, "other", "rejected", 13, null, null, null, 5, null, 0, 0, 0, 0),
                c("A09", SHIMEN, "water", "merged", 14, null, null, null, 2, null, 0, 0, 0, 0),
                c("A10", SHIMEN, "water", "dispatched", 15, 24, null, 120, null, null, 1, 0, 1, 4),
                c("A11", SHIMEN_2, "land", "received", 18, null, null, null, null, null, 0, 0, 0, 1),
                c("A12", SHIMEN, "land", "solved", 20, 24, 2, null, 300, "basically", 0, 0, 0, 0),
                // 青溪乡 QS02, March
                c("B01", QINGXI, "water", "solved", 4, 24, 1, 120, 24, "satisfied", 0, 0, 0, 2),
                c("B02", QINGXI, "water", "solved", 6, 24, 6, 120, 48, "satisfied", 0, 0, 0, 0),
                c("B03", QINGXI, "road", "solved", 8, 24, 25, 120, 72, "basically", 0, 1, 0, 0),
                c("B04", QINGXI, "road", "solved", 10, 24, 2, 120, 96, "no-response", 0, 0, 0, 0),
                c("B05", QINGXI, "medical", "unsolvable", 12, 24, 2, 120, 150, null, 0, 0, 1, 0),
                c("B06", QINGXI, "medical", "investigating", 14, 24, 3, 120, null, null, 0, 0, 1, 1),
                // 石门镇 QS01, February: the previous period (2019-01-29 .. 2019-02-28)
                new Case(PREFIX + "P01", SHIMEN, "water", "solved", morningOf(2019, 2, 10), 24, 2, 120, 20, "satisfied",
                        0, 0, 0, 0, null),
                new Case(PREFIX + "P02", SHIMEN, "road", "solved", morningOf(2019, 2, 12), 24, 1, 120, 30, "basically",
                        0, 0, 0, 0, null));
    }

    static Case c(String id, String village, String category, String status, int marchDay, Integer signDue, Integer signed,
                  Integer resolveDue, Integer closed, String rating, int returns, int reworks, int supervisions,
                  int supporters) {
        OffsetDateTime created = morningOf(2019, 3, marchDay);
        return new Case(PREFIX + id, village, category, status, created, signDue, signed, resolveDue, closed, rating,
                returns, reworks, supervisions, supporters, null);
    }

    @BeforeEach
    void write() {
        HandCases.delete(jdbc, PREFIX);
        HandCases.insert(jdbc, cases());
    }

    @AfterEach
    void remove() {
        HandCases.delete(jdbc, PREFIX);
    }

    @Test
    void everyIndicatorPerTownshipIsWhatTheHandSays() {
        JsonNode body = get("leader1", "/api/stats/indicators?from=2019-03-01&to=2019-03-31&groupBy=township").getBody();
        Map<String, JsonNode> rows = byKey(body.get("rows"));
        assertThat(rows.keySet()).as("only the hand-made cases live in March 2019").containsExactly("QS01", "QS02");
        assertThat(rows.get("QS01").get("name").asText()).isEqualTo("石门镇");

        // 石门镇: A01..A12
        expect(rows.get("QS01").get("current"), Map.ofEntries(
                Map.entry("receivedCount", 12.0),
                // dispatched (a sign deadline): A01-A07, A10, A12 = 9; signed by it: A01 A03 A04 A05 A06 A12 = 6
                // (A02 at 30 h and A07 at 26 h are late, A10 never signed): 6/9 = 0.6667
                Map.entry("responseRate", 0.6667),
                // closed (solved or unsolvable): A01-A07, A12 = 8; with a resolve deadline: all but A12 = 7;
                // within 120 h: A01 10, A02 40, A04 50, A05 70, A06 90 = 5 (A03 130, A07 200 late): 5/7 = 0.7143
                Map.entry("onTimeRate", 0.7143),
                // solved 6 (A01-A05, A12) of closed 8: 0.75
                Map.entry("resolutionRate", 0.75),
                // satisfied or basically: A01 A02 A03 A12 = 4; evaluations: final ratings A01 A02 A03 A05 A12 = 5,
                // plus reworks A03 1 + A07 1 = 2, so 7: 4/7 = 0.5714
                Map.entry("satisfactionRate", 0.5714),
                // rated 5 of rated 5 + no response 1 (A04): 5/6 = 0.8333
                Map.entry("feedbackRate", 0.8333),
                // closed with a rework: A03 A07 = 2 of 8: 0.25
                Map.entry("reworkRate", 0.25),
                // returned: A06 A10 = 2 of dispatched 9: 0.2222
                Map.entry("returnRate", 0.2222),
                // A03 1 + A07 2 + A10 1
                Map.entry("supervisionCount", 4.0),
                // not closed, not rejected or merged: A10 A11; overdue: A10 (due 2019-03-20, A11 has no deadline)
                Map.entry("openCount", 2.0),
                Map.entry("overdueCount", 1.0),
                // (10 + 40 + 130 + 50 + 70 + 90 + 200 + 300) / 8 = 890 / 8 = 111.25
                Map.entry("avgResolutionHours", 111.25),
                // sorted 10 40 50 70 90 130 200 300, n = 8, rank ⌈7.2⌉ = 8: 300
                // (percentile_cont: 200 + 0.3 × 100 = 230, which only 7 of 8 = 87.5% kept)
                Map.entry("p90ResolutionHours", 300.0),
                // (3 + 0 + 1 + 0 + 0 + 2 + 0 + 0 + 0 + 4 + 1 + 0) / 12 = 11 / 12 = 0.9167 → 0.92
                Map.entry("supportersPerCase", 0.92)));

        // 青溪乡: B01..B06
        expect(rows.get("QS02").get("current"), Map.ofEntries(
                Map.entry("receivedCount", 6.0),
                // dispatched 6; signed in 24 h: all but B03 (25 h) = 5: 5/6 = 0.8333
                Map.entry("responseRate", 0.8333),
                // closed B01-B05 = 5, all with a deadline; within 120 h: 24 48 72 96 = 4 (B05 150 late): 4/5 = 0.8
                Map.entry("onTimeRate", 0.8),
                // solved 4 of 5
                Map.entry("resolutionRate", 0.8),
                // satisfied or basically: B01 B02 B03 = 3; evaluations 3 + B03's rework 1 = 4: 3/4 = 0.75
                Map.entry("satisfactionRate", 0.75),
                // 3 / (3 + 1 no response, B04) = 0.75
                Map.entry("feedbackRate", 0.75),
                // B03 of 5 closed: 0.2
                Map.entry("reworkRate", 0.2),
                Map.entry("returnRate", 0.0),
                // B05 1 + B06 1
                Map.entry("supervisionCount", 2.0),
                Map.entry("openCount", 1.0),
                Map.entry("overdueCount", 1.0),
                // (24 + 48 + 72 + 96 + 150) / 5 = 390 / 5 = 78
                Map.entry("avgResolutionHours", 78.0),
                // n = 5, rank ⌈4.5⌉ = 5: 150 (percentile_cont: 96 + 0.6 × 54 = 128.4, which only 4 of 5 kept)
                Map.entry("p90ResolutionHours", 150.0),
                // (2 + 1) / 6 = 0.5
                Map.entry("supportersPerCase", 0.5)));

        // the previous period of the same length (31 days: 2019-01-29 .. 2019-02-28) holds P01 and P02 of 石门镇
        JsonNode before = rows.get("QS01").get("previous");
        expect(before, Map.ofEntries(Map.entry("receivedCount", 2.0), Map.entry("responseRate", 1.0),
                Map.entry("resolutionRate", 1.0), Map.entry("satisfactionRate", 1.0),
                // (20 + 30) / 2 = 25; n = 2, rank ⌈1.8⌉ = 2: 30
                Map.entry("avgResolutionHours", 25.0), Map.entry("p90ResolutionHours", 30.0)));
        JsonNode change = rows.get("QS01").get("change");
        assertThat(change.get("receivedCount").asDouble()).as("12 - 2").isEqualTo(10.0);
        assertThat(change.get("resolutionRate").asDouble()).as("0.75 - 1").isEqualTo(-0.25);
        assertThat(change.get("responseRate").asDouble()).as("0.6667 - 1").isEqualTo(-0.3333);
        assertThat(change.get("p90ResolutionHours").asDouble()).as("300 - 30").isEqualTo(270.0);
        assertThat(rows.get("QS02").get("previous").get("receivedCount").asLong()).isZero();
        JsonNode qingxiBefore = rows.get("QS02").get("previous");
        assertThat(qingxiBefore.path("resolutionRate").isNull() || qingxiBefore.path("resolutionRate").isMissingNode())
                .as("nothing to divide by: no rate").isTrue();
    }

    @Test
    void everyIndicatorForTheCountyIsWhatTheHandSays() {
        JsonNode rows = get("admin", "/api/stats/indicators?from=2019-03-01&to=2019-03-31&groupBy=none").getBody().get("rows");
        assertThat(rows.size()).isEqualTo(1);
        expect(rows.get(0).get("current"), Map.ofEntries(
                // 12 + 6
                Map.entry("receivedCount", 18.0),
                // signed in time 6 + 5 = 11 of dispatched 9 + 6 = 15: 0.7333
                Map.entry("responseRate", 0.7333),
                // on time 5 + 4 = 9 of closed with a deadline 7 + 5 = 12: 0.75
                Map.entry("onTimeRate", 0.75),
                // solved 6 + 4 = 10 of closed 8 + 5 = 13: 0.76923 → 0.7692
                Map.entry("resolutionRate", 0.7692),
                // satisfied 4 + 3 = 7 of evaluations 7 + 4 = 11: 0.63636 → 0.6364
                Map.entry("satisfactionRate", 0.6364),
                // rated 5 + 3 = 8 of 8 + no response 2 = 10: 0.8
                Map.entry("feedbackRate", 0.8),
                // reworked 2 + 1 = 3 of 13: 0.23077 → 0.2308
                Map.entry("reworkRate", 0.2308),
                // returned 2 + 0 of 15: 0.13333 → 0.1333
                Map.entry("returnRate", 0.1333),
                Map.entry("supervisionCount", 6.0),
                Map.entry("openCount", 3.0),
                Map.entry("overdueCount", 2.0),
                // (890 + 390) / 13 = 1280 / 13 = 98.4615 → 98.46
                Map.entry("avgResolutionHours", 98.46),
                // sorted 10 24 40 48 50 70 72 90 96 130 150 200 300, n = 13, rank ⌈11.7⌉ = 12: 200
                // (percentile_cont: 150 + 0.8 × 50 = 190, which only 11 of 13 = 84.6% kept)
                Map.entry("p90ResolutionHours", 200.0),
                // (11 + 3) / 18 = 0.7778 → 0.78
                Map.entry("supportersPerCase", 0.78)));
        assertThat(rows.get(0).get("previous").get("receivedCount").asLong()).isEqualTo(2);

        // a leader of the county sees the same; a township's cases alone give that township's numbers
        JsonNode shimen = get("leader1", "/api/stats/indicators?from=2019-03-01&to=2019-03-31&region=QS01").getBody()
                .get("rows").get(0).get("current");
        assertThat(shimen.get("receivedCount").asLong()).isEqualTo(12);
        assertThat(shimen.get("p90ResolutionHours").asDouble()).isEqualTo(300.0);
    }

    /** Each indicator, as a number, equals the hand-worked literal. */
    static void expect(JsonNode values, Map<String, Double> expected) {
        Map<String, Double> actual = new LinkedHashMap<>();
        expected.keySet().forEach(k -> actual.put(k, values.get(k).isNull() ? null : values.get(k).asDouble()));
        assertThat(actual).isEqualTo(new LinkedHashMap<>(expected));
    }

    static Map<String, JsonNode> byKey(JsonNode rows) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(r.get("key").asText(), r));
        return m;
    }
}
