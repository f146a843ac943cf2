package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus's twenty-fifth round (thes30, issue 13), written blind and about no region: the plain words
 * anyone uses for the commonest needs when the official word is unknown — symptoms (自来水不能喝, 电压低灯发暗),
 * consequences (上学要走一个钟头, 卖一斤亏一斤), time and number phrases tied to their need (养老金几个月没发,
 * 垃圾一个星期没拉), complaints naming who failed (报上去一直没回音, 答应好的没兑现) and the 12345 operator's summaries
 * (供水不稳定, 路面破损, 网络信号差) — as variants of 58 existing entries, and 10 new entries for situations the file had
 * no plain words for (拧开龙头没水, 路坏了没人修, 工资几个月没发 …). A database migrated earlier gets the new terms, and
 * the reworded entries their new variants if they still read exactly as shipped before
 * (search/thesaurus-before-v850.tsv), keeping their category; no entry's narrower notions change and none of the new
 * entries is a broad notion, so no narrower file is needed. An entry an admin edited keeps the admin's wording. The
 * rules are V560's and V701's, shared in {@link ThesaurusFile}.
 */
public class V850__grow_search_thesaurus_plain_words extends BaseJavaMigration {

    static final String EARLIER = "/search/thesaurus-before-v850.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        ThesaurusFile.growRound(context, EARLIER);
    }
}
