package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's twenty-first round (thes26, issue 13), written blind for a tropical island coastal county in
 * Hainan (沿海 fishing villages, 黎族 and 苗族 villages in the hills, 农场/农垦 land next to village land, a county seat
 * with 候鸟老人 from the north in winter), whose villagers, young people back from the hotels of 三亚 and 海口, old
 * people writing through grandchildren, 网格员 and cadres type cases in Mandarin coloured by 海南话 and 儋州话/黎话
 * (无 for 没, 做工, 去海, 阿公/阿婆, 厝). Their situations as entries (胶水收购压价 ↔ 收胶站压价/胶水卖无价, 胶园弃割,
 * 橡胶树风灾, 冬季瓜菜滞销 ↔ 豇豆卖无价/苦瓜卖无价, 豇豆农残检测, 过海滞留, 咸水入侵 ↔ 田里返咸, 井水变咸, 场村土地纠纷,
 * 酒店欠薪, 冬季就医高峰, 船形屋改造, 外地渔船越界捕捞, 海水养殖退养, 深海网箱养殖, 台风群众转移 …); broad notions that
 * county leaders search by, each with the concrete notions under it (天然橡胶产业, 海洋渔业转型, 防台风减灾, 自贸港建设,
 * 热带高效农业, 民族地区乡村振兴, 农垦改革, 候鸟老人服务管理, 海防建设, 滨海渔村诉求, 黎村苗寨诉求 …); and the county's
 * words on existing entries (橡胶价格低 + 胶价低/割胶无划算, 槟榔种植 + 槟榔树黄了, 渔民转产 + 去海打无到鱼 …). A
 * database migrated earlier gets the terms it lacks with their narrower notions, and the existing entries that gained
 * variants in this round get them if they still read exactly as shipped before (search/thesaurus-before-v810.tsv) and
 * keep their category; an entry an admin edited keeps the admin's wording, and an entry that has narrower notions keeps
 * them (the round changes no existing entry's narrower notions). The rules are V560's and V701's, shared in
 * {@link ThesaurusFile}.
 */
public class V810__grow_search_thesaurus_island extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v810.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
