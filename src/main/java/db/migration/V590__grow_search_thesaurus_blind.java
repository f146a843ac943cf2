package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's sixth round (thes6, issue 13), written blind: leader-level notions (民生兜底保障, 适老化服务,
 * 矛盾纠纷化解 …) bound to their category's concrete words, situations that share no character with the official notion
 * (看病花光积蓄 for 医疗费用负担, 跟隔壁吵架 for 邻里矛盾调处), dialect and phone wording, and money and time words inside
 * complaints (工钱拖着, 补贴拖着不发). A database migrated earlier gets the terms it lacks, and the existing entries that
 * gained variants in this round get them if they still read exactly as shipped before
 * (search/thesaurus-before-v590.tsv) and keep their category; an entry an admin edited keeps the admin's wording. The
 * rules are V560's, shared in {@link ThesaurusFile}.
 */
public class V590__grow_search_thesaurus_blind extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v590.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.rewordUnedited(context, EARLIER);
        ThesaurusFile.addMissingTerms(context);
    }
}
