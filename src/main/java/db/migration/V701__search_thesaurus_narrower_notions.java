package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The thesaurus's broad notions and what falls under them (thes15, issue 13): entries new in this round are added
 * (an existing entry keeps its wording: this round gave none new variants), and every entry whose term the file gives
 * narrower notions gets them where it has none (the column is new in V700). Shared rules in {@link ThesaurusFile}.
 */
public class V701__search_thesaurus_narrower_notions extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.addMissingTerms(context);
        ThesaurusFile.addNarrower(context);
    }
}
