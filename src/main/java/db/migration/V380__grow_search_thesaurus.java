package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus grew from about 185 to about 365 entries (src/main/resources/search/thesaurus.tsv). A
 * database seeded by V352 gets the entries whose term it does not hold yet; entries an admin has edited keep
 * the admin's wording (a term an admin deleted comes back once, and can be deleted again).
 */
public class V380__grow_search_thesaurus extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.addMissingTerms(context);
    }
}
