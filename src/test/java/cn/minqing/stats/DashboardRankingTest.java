package cn.minqing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A group with fewer than five cases is listed, greyed and unranked, after the ranked groups, whatever its score. */
class DashboardRankingTest {

    @Test
    void groupsUnderFiveCasesComeAfterTheRankedOnesWithoutARank() {
        StatsService.Report report = new StatsService.Report(null, null, null, List.of(), List.of(
                row("busy-but-slow", 40, 0.5), row("one-case-perfect", 1, 1.0), row("good", 12, 0.9),
                row("four-cases", 4, 0.2), row("exactly-five", 5, 0.7)));
        List<Dashboard.Ranked> ranked = Dashboard.ranked(report);
        assertThat(ranked).extracting(r -> r.row().key())
                .containsExactly("good", "exactly-five", "busy-but-slow", "four-cases", "one-case-perfect");
        assertThat(ranked).extracting(Dashboard.Ranked::rank).containsExactly(1, 2, 3, null, null);
        assertThat(ranked).extracting(Dashboard.Ranked::ranked).containsExactly(true, true, true, false, false);
        assertThat(ranked).extracting(Dashboard.Ranked::cases).containsExactly(12L, 5L, 40L, 4L, 1L);
    }

    private static StatsRow row(String key, long received, double rate) {
        IndicatorValues v = new IndicatorValues(received, rate, rate, rate, rate, null, null, null, 0, 0, 0, null, null, null);
        return new StatsRow(key, key, v, IndicatorValues.empty(), Map.of());
    }
}
