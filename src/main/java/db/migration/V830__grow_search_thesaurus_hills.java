package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's twenty-third round (thes28, issue 13), written blind for a hill county of the Sichuan basin's
 * east, on the Chongqing side (川东/渝西 丘陵: terraced slopes and 冲田, 院子 of houses on the hillsides, a 场镇 where
 * people 赶场 every three days, a county seat with a small industrial park, the young working in 广东/浙江), whose
 * villagers, grandparents left with grandchildren, young people back from the coast, 网格员 and cadres type cases in
 * Mandarin coloured by 西南官话/四川话 (莫得, 恼火, 扯拐, 扯筋, 打整, 遭, 老辈子, 幺儿, 娃儿, 冒得法). Their situations as
 * entries (柠檬销售, 青菜头收购, 柑橘收购商压价, 猪贩子压价, 散养户粪污处理, 屋后山坡开裂 ↔ 屋后头坡坡裂了, 土坯房安全,
 * 坝坝宴食品安全, 无事酒, 赶场天堵车, 农村客运招呼站, 天然气入户, 撂荒地复耕, 流转地退还复原 …); broad notions that
 * county leaders search by, each with the concrete notions under it (柠檬产业, 榨菜产业, 生猪稳产保供, 地质灾害防治,
 * 抗旱保供, 秋汛防御, 宜机化改造, 高山生态搬迁, 场镇综合整治, 农村宴席管理, 川渝丘陵农村诉求 …); and the county's words
 * on existing entries (流转费拖欠 + 流转费拖起不给, 山坪塘 + 塘坎垮了, 提灌站 + 提灌站抽不上水 …). A database migrated
 * earlier gets the terms it lacks with their narrower notions, and the existing entries that gained variants in this
 * round get them if they still read exactly as shipped before (search/thesaurus-before-v830.tsv) and keep their
 * category. 耕地撂荒 and 水利设施管护, which had no narrower notions, get the file's where they still have none; 柑橘产业
 * and 农村留守人员关爱 get the file's where theirs still read as shipped before
 * (search/thesaurus-narrower-before-v830.tsv), as V785 does. An entry an admin edited keeps the admin's wording and
 * notions. The rules are V560's, V701's and V785's, shared in {@link ThesaurusFile}.
 */
public class V830__grow_search_thesaurus_hills extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v830.tsv";
    static final String EARLIER_NARROWER = "/search/thesaurus-narrower-before-v830.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER, EARLIER_NARROWER);
    }
}
