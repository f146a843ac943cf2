package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus grew from 365 to about 760 entries, and 21 existing entries changed their variants (dialect
 * forms added; forms under two categories, single characters and stop words such as 扯皮, 防疫, 吵, 不管 taken
 * out). A database seeded earlier gets the entries whose term it lacks (as V380), and the changed entries that
 * still read exactly as shipped before (search/thesaurus-before-v560.tsv) get the new variants; an entry an admin
 * has edited keeps the admin's wording.
 */
public class V560__grow_search_thesaurus_again extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v560.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.rewordUnedited(context, EARLIER);
        ThesaurusFile.addMissingTerms(context);
    }
}
