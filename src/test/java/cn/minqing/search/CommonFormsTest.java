package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * searchcost9: a rewrite is common when the index's reports use it in at least {@link CommonForms#share()} of their
 * descriptions — counted on a real index of its own, where 网络 is in half the reports and 宽带 in one of 200.
 */
class CommonFormsTest extends ApiTest {

    private static final String ALIAS = "commonforms-test";

    @Autowired
    ElasticsearchClient client;
    @Autowired
    Clock clock;
    @Autowired
    CountyWords countyWords;

    @AfterEach
    void dropIndexAndShare() throws Exception {
        System.clearProperty("minqing.search.common-form-share");
        if (client.indices().existsAlias(a -> a.name(ALIAS)).value()) {
            for (String name : client.indices().getAlias(a -> a.name(ALIAS)).result().keySet()) {
                client.indices().delete(d -> d.index(name));
            }
        }
    }

    @Test
    void aFormUsedByManyReportsIsCommonAndARareOneIsNot() throws Exception {
        fill();
        CommonForms forms = new CommonForms(client);
        assertThat(forms.among(ALIAS, List.of("网络", "宽带", "电视信号"))).containsExactly("网络");
        // the share is read per search: everything counts as common at 0, nothing above 1
        System.setProperty("minqing.search.common-form-share", "0.004");
        assertThat(forms.among(ALIAS, List.of("网络", "宽带"))).containsExactlyInAnyOrder("网络", "宽带");
        System.setProperty("minqing.search.common-form-share", "1.1");
        assertThat(forms.among(ALIAS, List.of("网络", "宽带"))).isEmpty();
    }

    @Test
    void formsThatCannotBeCountedKeepTheirFullClause() {
        assertThat(new CommonForms(client).among("no-such-index-here", List.of("网络"))).isEmpty();
    }

    @Test
    void theLeanClauseIsOnlyForCommonFormsAndCanBeSwitchedOff() throws Exception {
        fill();
        RewriteClauses clauses = new RewriteClauses(client);
        List<Thesaurus.Expansion> expansions = List.of(new Thesaurus.Expansion("网络", "network"),
                new Thesaurus.Expansion("宽带", "network"));
        assertThat(clauses.leanFor(ALIAS, List.of("电视信号"), expansions)).containsExactly("网络");
        System.setProperty("minqing.search.rewrite-clauses", "full");
        try {
            assertThat(clauses.leanFor(ALIAS, List.of("电视信号"), expansions)).isEmpty();
        } finally {
            System.clearProperty("minqing.search.rewrite-clauses");
        }
        assertThat(RewriteClauses.onWords("网络", 0.5f, "1").multiMatch().fields()).containsExactly("title^3", "title.bigram^2", "description^2");
    }

    /**
     * The counting both CommonForms and 同音纠错's WordFrequencies use keeps at most so many counts per index and scope
     * (then counts again) and so many indexes and scopes (the least recently used let go); a scope counts within it.
     */
    @Test
    void theCountsKeptAreBoundedPerScopeAndInScopes() throws Exception {
        fill();
        WordCounts counts = new WordCounts(client, "words", w -> co.elastic.clients.elasticsearch._types.query_dsl.Query.of(
                q -> q.match(m -> m.field("description").query(w))), 60_000, true, 2, 1);
        Map<String, WordCounts.Count> all = counts.of(ALIAS, null, List.of("网络", "宽带", "路灯"));
        assertThat(all.get("网络")).isEqualTo(new WordCounts.Count(100, 200));
        assertThat(all.get("宽带").cases()).isEqualTo(1);
        assertThat(counts.kept(ALIAS, null)).isEqualTo(3);
        counts.of(ALIAS, null, List.of("信号"));
        assertThat(counts.kept(ALIAS, null)).as("over the cap: let go, then counted again").isEqualTo(1);

        var firstFifty = co.elastic.clients.elasticsearch._types.query_dsl.Query.of(q -> q.ids(i -> i.values(
                java.util.stream.IntStream.range(0, 50).mapToObj(n -> "CF-" + n).toList())));
        assertThat(counts.of(ALIAS, firstFifty, List.of("网络")).get("网络")).isEqualTo(new WordCounts.Count(25, 50));
        assertThat(counts.kept(ALIAS, null)).as("one scope kept: the least recently used is let go").isZero();
    }

    /** 200 reports: 网络 in every other one, 宽带 in one, 电视信号 in none. */
    private void fill() throws Exception {
        new SearchIndex(client, ALIAS, clock, countyWords).ensureExists();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (int i = 0; i < 200; i++) {
            String text = i == 7 ? "家里宽带老是断" : i % 2 == 0 ? "村里网络信号差，打电话听不清" : "路灯坏了好几盏，晚上看不见路";
            String id = "CF-" + i;
            bulk.operations(o -> o.index(x -> x.index(ALIAS).id(id).document(Map.of("title", "反映问题", "description", text))));
        }
        assertThat(client.bulk(bulk.refresh(co.elastic.clients.elasticsearch._types.Refresh.True).build()).errors()).isFalse();
    }
}
