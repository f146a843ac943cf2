package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's seventeenth round (thes22, issue 13), written blind for a reservoir and river county (villages
 * moved up from a flooded valley — 库区移民, 后靠安置 —, fishing villages under the ten-year fishing ban, villages in a
 * drinking-water source area where 鄂西北, 豫西南 and 陕南 meet), whose resettled families, retired fishermen, boat owners,
 * old people and village cadres type cases in Mandarin coloured by the region's speech (搞么斯, 冇得, 恁, 中不中, 啥子, 莫得,
 * 咋个整) and plain complaint (说了好多回). Their situations as entries (移民后扶直补 ↔ 移民补助没到/六百块没发, 移民身份认定,
 * 后靠房屋开裂, 移民点吃水难, 消落带耕种, 库区淹没补偿, 库岸塌岸, 库区滑坡, 泄洪预警, 渡船停航, 码头破损, 退捕渔民补偿,
 * 退捕渔民就业 ↔ 上岸渔民没着落, 渔船回收 ↔ 渔船收了没给钱, 网箱拆除补偿, 猪场关停补偿, 库区漂浮物, 蓝藻水华 …); broad
 * notions that county leaders search by, each with the concrete notions under it (库区移民安稳致富, 长江十年禁渔, 水源地保护,
 * 库区地质灾害防治, 水库安全度汛, 水上交通安全, 长江大保护, 涉库移民诉求 …, and 水库移民后期扶持, 生态补偿 and 河湖管理,
 * which had none); and the county's words on existing entries (非法捕捞 + 夜里电鱼, 柑橘滞销 + 柑子莫得人收 …). A database
 * migrated earlier gets the terms it lacks with their narrower notions, and the existing entries that gained variants in
 * this round get them if they still read exactly as shipped before (search/thesaurus-before-v770.tsv) and keep their
 * category; an entry an admin edited keeps the admin's wording, and an entry that has narrower notions keeps them. The
 * rules are V560's and V701's, shared in {@link ThesaurusFile}.
 */
public class V770__grow_search_thesaurus_reservoir extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v770.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
