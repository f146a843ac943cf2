package cn.minqing.stats;

/**
 * One indicator of the library: what it means, how it is computed, whether higher is better, its
 * target, and what it is computed for: a group of cases ({@code cases}) or each stage ({@code stage}).
 */
public record IndicatorDefinition(String code, String nameZh, String nameEn, String definition, String formula, String unit,
                                  boolean higherIsBetter, Double target, String appliesTo) {

    public IndicatorDefinition(String code, String nameZh, String nameEn, String definition, String formula, String unit,
                               boolean higherIsBetter, Double target) {
        this(code, nameZh, nameEn, definition, formula, unit, higherIsBetter, target, "cases");
    }
}
