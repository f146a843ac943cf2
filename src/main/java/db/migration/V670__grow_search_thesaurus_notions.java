package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's eighth round (thes12, issue 13), written blind: the official notions a county cadre or leader
 * types (12345 catalogue headings, programme and policy names such as 衔接资金, 小额信贷, 就业帮扶, 两不愁三保障, discipline
 * and conduct words such as 四风, 庸懒散, 群众身边腐败, emergency words such as 防灾减灾, 森林草原防灭火, 地质灾害隐患) are
 * forms of the entry they mean, and the entries of those notions carry what villagers say happened (干部天天喝酒,
 * 上班木有人, 银行不给贷, 后山开裂, 沟头涨水了), so that a cadre's word reaches reports that share no character with it.
 * A database migrated earlier gets the terms it lacks, and the existing entries that gained variants in this round get
 * them if they still read exactly as shipped before (search/thesaurus-before-v670.tsv) and keep their category; an
 * entry an admin edited keeps the admin's wording. The rules are V560's, shared in {@link ThesaurusFile}.
 */
public class V670__grow_search_thesaurus_notions extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v670.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.rewordUnedited(context, EARLIER);
        ThesaurusFile.addMissingTerms(context);
    }
}
