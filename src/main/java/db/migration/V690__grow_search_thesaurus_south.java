package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's tenth round (thes14, issue 13), written blind for the southern coastal counties (广东、福建、
 * 广西、海南 style, Mandarin mixed with Cantonese, Hakka and Min words): typhoons and floods (水浸街, 田被浸, 屋企入水,
 * 山泥倾泻, 倒房重建, 台风停电, 倒树阻路), fishing and aquaculture (伏季休渔 ↔ 封海期, 休渔补助, 渔船燃油补贴 ↔ 渔业油补,
 * 海域使用, 养殖证办理, 海水养殖 ↔ 蚝排养殖, 虾蚝死亡 ↔ 塘虾死晒, 赤潮, 渔民转产 ↔ 渔民上岸), fruit and tea (荔枝滞销 ↔
 * 荔枝卖唔出, 柑橘滞销 ↔ 沙糖桔卖唔出, 收购佬压价, 单丛茶), collective rights (外嫁女冇分红, 户口迁出分红, 妇女土地权益),
 * clans, hills and graves (两村争山, 宗族械斗, 争祖坟, 祠堂纠纷), 侨 (涉侨服务, 华侨房屋 ↔ 侨房被占), dengue and vectors
 * (登革热 ↔ 骨痛热症, 病媒生物防制, 清理积水 ↔ 翻盆倒罐), 泥头车, quarries, noise (装修噪声, 嘈到瞓唔着), family disputes,
 * 回南天, self-built houses (农村建房报建), 三旧改造, 城中村, and conduct in villagers' southern words (踢嚟踢去,
 * 揾唔到人, 问极都话等, 话晒几次都冇用, 干部食夹棍). A database migrated earlier gets the terms it lacks, and the existing
 * entries that gained variants in this round get them if they still read exactly as shipped before
 * (search/thesaurus-before-v690.tsv) and keep their category; an entry an admin edited keeps the admin's wording. The
 * rules are V560's, shared in {@link ThesaurusFile}.
 */
public class V690__grow_search_thesaurus_south extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v690.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.rewordUnedited(context, EARLIER);
        ThesaurusFile.addMissingTerms(context);
    }
}
