package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's sixteenth round (thes21, issue 13), written blind for a coal and resource county (villages
 * of the 晋陕蒙 coal belt above 采空区, beside 煤矿, 洗煤厂, 焦化厂, 矸石山 and the 运煤 roads), whose miners' families,
 * old people, returned migrant workers and village cadres type cases in Mandarin coloured by 晋语 and 陕北话 (甚, 咋价,
 * 夜来, 不顶事, 管球, 日怪, 解不下) and petition wording. Their situations as entries (采煤沉陷补偿 ↔ 裂房补偿/房子采裂了不赔,
 * 沉陷区搬迁, 沉陷区安置房, 地裂缝, 塌陷坑安全, 塌陷耕地, 矿区占地补偿, 压覆补偿, 矿区水源破坏 ↔ 井水干了/地下水位下降,
 * 运煤车扬尘, 运煤车遗撒, 运煤车超载, 煤尘污染, 洗煤厂污水, 焦化厂异味, 矸石山自燃, 供气不足 ↔ 冬天停气, 散煤禁烧,
 * 尘肺病救治, 职业病诊断鉴定, 煤矿工伤, 关停煤矿职工转岗, 矿上拖欠工资, 光伏占地补偿, 小煤窑私挖 …); broad notions that
 * county leaders search by, each with the concrete notions under it (资源型地区转型, 采煤沉陷区治理, 职业病防治, 煤矿安全生产,
 * 矿地矛盾调处, 煤炭运输治理, 矿区环境整治, 冬季供气保障, 涉煤诉求 …, and 矿山生态修复, which had none); and the county's
 * words on existing entries (采煤沉陷 + 房子让煤矿采裂了/塌陷了咋价办, 职业病 + 煤工尘肺, 煤改气 + 壁挂炉不顶事 …). A
 * database migrated earlier gets the terms it lacks with their narrower notions, and the existing entries that gained
 * variants in this round get them if they still read exactly as shipped before (search/thesaurus-before-v760.tsv) and
 * keep their category; an entry an admin edited keeps the admin's wording, and an entry that has narrower notions keeps
 * them. The rules are V560's and V701's, shared in {@link ThesaurusFile}.
 */
public class V760__grow_search_thesaurus_coal extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v760.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
