package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's twentieth round (thes25, issue 13), written blind for a karst mountain county on the
 * Guangxi–Guizhou border (石山, 天坑 and 弄场, thin soil and 石漠化, villages of 壮, 布依, 苗 and 汉 people reached by
 * 通组路/屯级路, 水柜 for rain water, 溶洞 tourism, families moved by 易地扶贫搬迁 to 安置区), whose villagers, young people
 * back from the 电子厂 of 广东, old people writing through grandchildren, 网格员 and cadres type cases in Mandarin coloured
 * by 桂柳话 and 黔南 speech (遭 for 被, 克 for 去, 恼火, 搞哪样, 得不得, 莫, 哪个). Their situations as entries (蚕茧收购压价 ↔
 * 茧子遭压价/收茧的压秤, 蚕病防治, 蚕农药中毒, 小蚕共育, 柑橘黄龙病, 百香果收购价低, 水柜漏水, 旱季水柜缺水, 高山屯饮水难,
 * 地头水柜, 岩溶洼地内涝, 通组路冲断, 岩溶塌陷, 封山禁牧, 电子厂欠薪, 教学点撤并, 民族成分更正, 壮族三月三 …); broad
 * notions that county leaders search by, each with the concrete notions under it (石漠化综合治理, 桑蚕产业, 人饮安全,
 * 自然村通硬化路, 粤桂劳务协作, 搬迁社区融入, 民族政策落实, 平安边界建设, 大石山区诉求 …); and the county's words on
 * existing entries (甘蔗砍运 + 砍蔗排队, 木楼防火 + 木瓦房着火, 搬迁户两头跑 + 回老家种地 …). A database migrated earlier
 * gets the terms it lacks with their narrower notions, and the existing entries that gained variants in this round get
 * them if they still read exactly as shipped before (search/thesaurus-before-v800.tsv) and keep their category; an entry
 * an admin edited keeps the admin's wording, and an entry that has narrower notions keeps them. The rules are V560's and
 * V701's, shared in {@link ThesaurusFile}.
 */
public class V800__grow_search_thesaurus_karst extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v800.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
