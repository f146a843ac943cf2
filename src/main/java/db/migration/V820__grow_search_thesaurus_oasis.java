package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's twenty-second round (thes27, issue 13), written blind for an oasis county of the arid
 * northwest (irrigated villages between the 戈壁 and the desert's edge, a 兵团 连队 or 国营农场 next to village land,
 * mixed 汉/回/维吾尔 villages, a county seat with an industrial park), whose villagers, young people back from factory
 * jobs, old people writing through grandchildren, 网格员 and cadres type cases in Mandarin coloured by 兰银官话 and
 * 西北话 (咋弄, 尕娃, 麻达, 日鬼, 胡球, 歪, 这搭, 一满, 莫有). Their situations as entries (轮灌排不上 ↔ 水排不到我家地,
 * 配水不公, 农业水权, 机井关停 ↔ 井封了地浇不上, 机井限采, 滴灌设施故障, 排碱渠淤堵, 轧花厂压价, 棉款拖欠, 拾花工权益,
 * 制种款拖欠, 红枣销售, 沙埋农田, 土地返碱, 农田防护林, 兵地土地纠纷, 高温中暑, 冬储煤补贴 …); broad notions that county
 * leaders search by, each with the concrete notions under it (高效节水灌溉, 关井压采, 用水权改革, 棉花产业, 特色林果业,
 * 戈壁设施农业, 生态移民后续扶持, 盐碱地综合利用, 绿洲生态保护, 兵地融合发展, 绿洲农村诉求 …); and the county's words on
 * existing entries (停水 + 莫有水吃咧, 机井出水少 + 机井出麻达了, 留守儿童关爱 + 尕娃没人带 …). A database migrated
 * earlier gets the terms it lacks with their narrower notions, and the existing entries that gained variants in this
 * round get them if they still read exactly as shipped before (search/thesaurus-before-v820.tsv) and keep their
 * category. 节水灌溉 and 人工防雹, which had no narrower notions, get the file's where they still have none; 地下水保护,
 * 防沙治沙 and 边远地区服务 get the file's where theirs still read as shipped before
 * (search/thesaurus-narrower-before-v820.tsv), as V785 does. An entry an admin edited keeps the admin's wording and
 * notions. The rules are V560's, V701's and V785's, shared in {@link ThesaurusFile}.
 */
public class V820__grow_search_thesaurus_oasis extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v820.tsv";
    static final String EARLIER_NARROWER = "/search/thesaurus-narrower-before-v820.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER, EARLIER_NARROWER);
    }
}
