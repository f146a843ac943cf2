package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A seen mend of the domain thesaurus (21st session, issue 13), unlike the blind rounds: notions that scored nothing on
 * several judged sets written by writers who never met, for want of the words each of them used. 高龄补贴 gains 长寿补助
 * and 高龄补助 (not 老人钱, which four writers wrote: as a rewrite it raised every elderly case saying 老人 above the
 * notion's own report filed elsewhere, PreciseLookupTest); 干部态度生硬 gains 爱理不理; a new entry 办事要送烟 holds what reports of
 * cadres asking for a favour say (请吃饭送烟, 不送就拖着, 拿条烟, 要好处 …), since 办事索要好处 is full at twelve forms;
 * 干部作风 gets it and 办事索要好处 as narrower notions, and 噪声污染 gets 噪音扰民, the plainest notion under it. A
 * database migrated earlier gets the new variants on the entries no admin edited ({@link ThesaurusFile#rewordUnedited}),
 * the new term, and the narrower notions on the entries whose narrower notions still read as shipped
 * ({@link ThesaurusFile#renarrowUnedited}); the cases holding a new phrase are queued for indexing again.
 */
public class V785__mend_search_thesaurus_seen extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v785.tsv";
    static final String EARLIER_NARROWER = "/search/thesaurus-narrower-before-v785.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER, EARLIER_NARROWER);
    }
}
