package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's eighteenth round (thes23, issue 13), written blind for a border county in the southwest
 * mountains (抵边村寨 of 傣, 哈尼, 佤 and 汉 villages near a land border, some moved down by 易地搬迁, wild Asian elephants
 * crossing the fields), whose villagers, returned migrant workers, old people writing through grandchildren, 护边员 and
 * cadres type cases in 云南话 (咋个整, 哪点, 克 for 去, 老火, 么, 嘛) and plain complaint (讲了好几回). Their situations as
 * entries (野象致害 ↔ 大象把苞谷吃光了/象又来踩田了, 野象进村安全, 野生动物肇事补偿, 象情预警, 防象设施, 甘蔗款拖欠 ↔
 * 糖厂欠蔗款/砍了甘蔗钱拿不到, 咖啡收购, 边民补助, 跨境婚姻登记, 跨境子女落户, 非法越境, 境外电诈, 戒毒人员回归,
 * 口岸关闭, 安置点生计难, 木楼防火, 泥石流沟, 婚丧费用负担 …); broad notions that county leaders search by, each with
 * the concrete notions under it (兴边富民行动, 边境管控, 人象和谐, 禁毒防艾, 沿边产业发展, 安置点后续发展, 涉边诉求 …);
 * and the county's words on existing entries (橡胶价格低 + 胶价老火, 山泉水 + 箐沟水 …). A database migrated earlier gets
 * the terms it lacks with their narrower notions, and the existing entries that gained variants in this round get them
 * if they still read exactly as shipped before (search/thesaurus-before-v780.tsv) and keep their category; an entry an
 * admin edited keeps the admin's wording, and an entry that has narrower notions keeps them. The rules are V560's and
 * V701's, shared in {@link ThesaurusFile}.
 */
public class V780__grow_search_thesaurus_border extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v780.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
