package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's twenty-seventh round (thes32, issue 13), written blind for a tea-and-bamboo mountain county
 * of 皖南 / 浙西: 32 situations binding villagers' words to the official notion (春茶价格低 ↔ 头茶价钱跌了, 茶青收购扣秤 ↔
 * 收茶青压秤, 毛竹价格低 ↔ 竹材价跌, 古民居拆建受限 ↔ 老屋拆不得住不了, 山洪危险区转移 ↔ 转移去哪里晓不得, 减水河段 ↔
 * 电站把溪水引走了 …), 6 broad notions leaders search by with the notions under them (竹产业发展, 山核桃产业, 传统村落保护,
 * 全域旅游, 小水电清理整改, 皖南山区农村诉求), the county's words on 17 existing entries, and this register's notions under
 * 5 existing headings (茶产业发展, 林长制, 山林防火, 山洪灾害防治, 山区林特产业). A database migrated earlier gets the
 * terms it lacks with their narrower notions, the reworded entries their new variants if they still read exactly as
 * shipped before (search/thesaurus-before-v870.tsv), the five headings their new notions if those still are as shipped
 * before (search/thesaurus-narrower-before-v870.tsv). An entry an admin edited keeps the admin's wording and notions.
 * The rules are V560's and V701's, shared in {@link ThesaurusFile}.
 */
public class V870__grow_search_thesaurus_tea_hills extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v870.tsv";
    static final String EARLIER_NARROWER = "/search/thesaurus-narrower-before-v870.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER, EARLIER_NARROWER);
    }
}
