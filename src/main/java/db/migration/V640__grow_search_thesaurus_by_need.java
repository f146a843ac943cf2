package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's seventh round (thes7, issue 13), written blind: each category's typical needs (the sub-notions
 * a 12345 catalogue lists: 噪音扰民 apart from 恶臭, 欠薪 apart from 找工作) get an entry of their own, bound to the ways
 * villagers describe that situation (吵到半夜, 干了活不给钱), to cadres' ledger and assessment wording and to phone and
 * voice-input phrasings, so that one need's query is not answered by its category's other needs. A database migrated
 * earlier gets the terms it lacks, and the existing entries that gained variants in this round get them if they still
 * read exactly as shipped before (search/thesaurus-before-v640.tsv) and keep their category; an entry an admin edited
 * keeps the admin's wording. The rules are V560's, shared in {@link ThesaurusFile}.
 */
public class V640__grow_search_thesaurus_by_need extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v640.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.rewordUnedited(context, EARLIER);
        ThesaurusFile.addMissingTerms(context);
    }
}
