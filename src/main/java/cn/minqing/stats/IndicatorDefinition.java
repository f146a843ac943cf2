package cn.minqing.stats;

/** One indicator of the library: what it means, how it is computed, whether higher is better, its target. */
public record IndicatorDefinition(String code, String nameZh, String nameEn, String definition, String formula, String unit,
                           boolean higherIsBetter, Double target) {
}
