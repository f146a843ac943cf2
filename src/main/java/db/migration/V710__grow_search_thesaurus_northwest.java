package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's eleventh round (thes16, issue 13), written blind for the dry 西北 loess counties (陕北、关中、
 * 陇东、宁南、青海东部 style, Mandarin mixed with 额/俺, 咋咧, 一满, 恓惶, 难场, 日弄, 胡成精, 寻不下, 碎娃, 婆姨, 老汉): water
 * (水窖 + 集雨水窖/窖水吃完了, 苦咸水 + 水又苦又咸, 冬季冻管 + 管子冻了, 饮水困难 + 给牲口拉水), cave houses (窑洞 + 窑塌了/
 * 窑顶掉土, 危窑改造 ↔ 危窑洞/窑洞加固), relocation (易地扶贫搬迁 + 移民新村, 旧宅基地复垦 ↔ 老庄子复垦), grassland and
 * 退耕 (草原生态补奖 ↔ 禁牧补助/草畜平衡奖励, 禁牧偷牧 ↔ 偷着放羊), film and dry farming (农膜回收 ↔ 残膜回收/捡残膜,
 * 苹果销售, 苹果套袋 ↔ 果袋, 花椒销售, 枸杞种植, 小杂粮, 洋芋滞销, 果园雹灾 ↔ 冷子打了果子, 人工防雹 ↔ 防雹炮), stock
 * (标准化圈舍, 养殖贷款), loess and wind (淤地坝, 梯田 + 梯田地埂塌了, 沙尘天气 ↔ 刮黄风), winter (冬季取暖困难 + 买不起炭),
 * work far away (异地讨薪 ↔ 工钱要不下), marriage (大龄未婚 ↔ 找不下媳妇, 高额彩礼 + 婆姨娶不起) and conduct in the
 * northwestern register (寻不下人, 一满没人管, 糊弄群众 ↔ 日弄人, 乱作为 + 胡成精), with two broad notions (旱作节水农业,
 * 黄河流域生态保护) and the concrete ones under them. A database migrated earlier gets the terms it lacks with their
 * narrower notions, and the existing entries that gained variants in this round get them if they still read exactly as
 * shipped before (search/thesaurus-before-v710.tsv) and keep their category; an entry an admin edited keeps the admin's
 * wording, and an entry that has narrower notions keeps them. The rules are V560's and V701's, shared in
 * {@link ThesaurusFile}.
 */
public class V710__grow_search_thesaurus_northwest extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v710.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
