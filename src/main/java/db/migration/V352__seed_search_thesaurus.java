package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Seeds the domain thesaurus (search_thesaurus) from src/main/resources/search/thesaurus.tsv: term, variants
 * (comma-separated), category code (blank: none), source. A category unknown to this database is left empty.
 */
public class V352__seed_search_thesaurus extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.addMissingTerms(context);
    }
}
