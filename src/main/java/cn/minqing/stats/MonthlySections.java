package cn.minqing.stats;

import java.time.YearMonth;
import java.util.List;

/**
 * Sections that other features add to the monthly analysis report (月度分析报告) after its own: e.g. work plans —
 * plans started, milestones met and missed, each plan's effect, and the month's rising categories that no plan
 * answers yet. A feature gets the region, the month and the categories that rose, and gives headings with lines.
 */
public interface MonthlySections {

    List<Section> of(String region, YearMonth month, List<Rise> rises);

    /** A category whose cases rose this month against last month, with the township where most were. */
    record Rise(String category, String name, long count, long previous, String topTownship) {
    }

    /** One section: its title (numbered by the report) and its lines. */
    record Section(String title, List<String> lines) {
    }
}
