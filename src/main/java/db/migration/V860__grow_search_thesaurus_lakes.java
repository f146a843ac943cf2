package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's twenty-sixth round (thes31, issue 13), written blind for a lake-and-plain county of the
 * 江汉平原 / 洞庭湖 area: 35 situations binding villagers' 湖北/湖南 words to the official notion (管涌险情 ↔ 堤脚冒沙,
 * 泵站排涝不及时 ↔ 电排站不开机, 小龙虾价格低 ↔ 虾价跌了, 晚期血吸虫病救治 ↔ 晚血病人, 台上老人独居 ↔ 垸里只剩老人 …), 7
 * broad notions leaders search by with the notions under them (湖区防汛, 蓄滞洪区建设, 小龙虾产业, 莲藕产业, 湖泊保护治理,
 * 油菜产业, 湖区农村诉求), and the county's words on 16 existing entries. 血吸虫病防治, which had no narrower notions, gets
 * them, and 长江十年禁渔 gains 湖区偷捕. A database migrated earlier gets the terms it lacks with their narrower notions, the
 * reworded entries their new variants if they still read exactly as shipped before (search/thesaurus-before-v860.tsv),
 * 长江十年禁渔 its new notions if they still are as shipped before (search/thesaurus-narrower-before-v860.tsv), and the
 * entries without narrower notions the file's. An entry an admin edited keeps the admin's wording and notions. The
 * rules are V560's and V701's, shared in {@link ThesaurusFile}.
 */
public class V860__grow_search_thesaurus_lakes extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v860.tsv";
    static final String EARLIER_NARROWER = "/search/thesaurus-narrower-before-v860.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER, EARLIER_NARROWER);
    }
}
