package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's twelfth round (thes17, issue 13), written blind for the wet rice-and-hill counties of 湘赣/江淮
 * (湖南、江西、皖南、鄂东 style, Mandarin mixed with 冇/冇得, 么子, 伢子/细伢子, 老倌子, 霸蛮, 恰 for eat/drink, 港 for say,
 * 作孽, 垅田/冲里田, 屋场, 圩堤, 落雨/涨大水): rice (双抢 ↔ 抢收抢种/割早稻插晚稻, 双季稻生产, 稻渔综合种养 ↔ 稻虾共作/
 * 小龙虾田, 水稻病虫害 ↔ 禾打了虫, 农资坑农 ↔ 种子不出芽), water works (小型水库除险加固 ↔ 小水库渗水, 山塘清淤 ↔ 塘里蓄不住水,
 * 圩堤 + 圩堤管涌/垸子进水, 梅雨汛期 ↔ 落雨不停/涨大水), hills (油茶产业, 竹林经营 ↔ 楠竹/竹子卖不出, 矿山生态修复 ↔ 开矿放炮),
 * health (血吸虫病防治 ↔ 钉螺/大肚子病), 鞭炮 workshops, 人情债 and 麻将馆扰民, and conduct in that register (冇得人管 ↔
 * 冇人理/港了冇得用, 搞名堂, 霸蛮干, 作孽户), plus the counties' words on existing entries (饮水困难 + 冇得水恰, 村务公开 +
 * 钱搞么子去了, 推诿扯皮 + 港了几次冇用 …), with two broad notions (稻作生产, 湘赣山区防汛) and the concrete ones under them.
 * A database migrated earlier gets the terms it lacks with their narrower notions, and the existing entries that gained
 * variants in this round get them if they still read exactly as shipped before (search/thesaurus-before-v720.tsv) and
 * keep their category; an entry an admin edited keeps the admin's wording, and an entry that has narrower notions keeps
 * them. The rules are V560's and V701's, shared in {@link ThesaurusFile}.
 */
public class V720__grow_search_thesaurus_hunan_jiangxi extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v720.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
