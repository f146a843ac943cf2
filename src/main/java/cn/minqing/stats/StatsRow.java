package cn.minqing.stats;

import java.util.Map;

/** One group's indicators now, in the previous period of the same length, and the change between them. */
public record StatsRow(String key, String name, IndicatorValues current, IndicatorValues previous, Map<String, Double> change) {
}
