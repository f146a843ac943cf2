package cn.minqing.search;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.BenchmarkApp;
import cn.minqing.support.Latency;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints search and similar-case latency (p50/p95) on N cases (default 100 000) in a real
 * Elasticsearch node. Cases are made from the demo reports with varied villages, dates and statuses
 * and bulk-indexed straight into the index ({@link BenchmarkCases}; PostgreSQL is not on the search path).
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.minqing.search.SearchBenchmark -Dexec.args=100000</pre>
 * With {@code -Dexec.args="100000 profile"} it then shows where each search's time goes ({@link SearchProfile});
 * {@code profile-only} skips the timed runs.
 */
public final class SearchBenchmark {

    public static final List<String> QUERIES = List.of("自来水", "吃水难", "工钱没给", "路灯不亮", "低保",
            "李家村 水管", "危房", "上不了网", "秸秆焚烧", "土地流转费", "桥塌了", "垃圾没人清");
    /** Typos, colloquial and official wording, inexact places, and queries that find nothing until relaxed. */
    public static final List<String> HARD_QUERIES = List.of("自来谁", "低包", "农产品滞销", "没人管", "石门村 路灯",
            "李家 危房", "水果销路发愁", "推诿扯皮", "青溪乡 晒谷坪围栏", "办事难");
    /** Broad notions a leader types: each brings up to 40 narrower phrases and the listing of its categories (15th session). */
    public static final List<String> BROAD_QUERIES = List.of("一老一小", "防灾减灾", "数字乡村", "社会救助", "两不愁三保障",
            "矛盾纠纷化解", "温暖过冬", "农民增收");

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        boolean profile = args.length > 1 && args[1].startsWith("profile");
        boolean timed = args.length < 2 || !args[1].equals("profile-only");
        BenchmarkApp.run(context -> {
            run(context, cases, timed);
            if (profile) {
                SearchProfile.run(context);
            }
        });
    }

    private static void run(ConfigurableApplicationContext context, int count, boolean timed) throws IOException {
        ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
        SearchIndex index = context.getBean(SearchIndex.class);
        BenchmarkCases cases = BenchmarkCases.of(context);
        long start = System.nanoTime();
        cases.write(0, count);
        cases.refresh();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nindexed %d cases in %.1f s (%.0f /s)%n", count, seconds, count / seconds);
        printSize(client, index.alias());
        if (!timed) {
            return;
        }

        CaseSearch search = context.getBean(CaseSearch.class);
        SimilarCases similar = context.getBean(SimilarCases.class);
        UserAccounts accounts = context.getBean(UserAccounts.class);
        CurrentUser leader = accounts.find("leader1").orElseThrow().user();
        CurrentUser township = accounts.find("township1").orElseThrow().user();
        CurrentUser villager = accounts.find("villager1").orElseThrow().user();
        latency("search, county leader, 20 hits + facets", i -> search.search(
                new CaseSearch.Criteria(QUERIES.get(i % QUERIES.size()), null, null, null, null, 20, 0), leader));
        latency("search, county leader, typos/thesaurus/places/relaxed", i -> search.search(
                new CaseSearch.Criteria(HARD_QUERIES.get(i % HARD_QUERIES.size()), null, null, null, null, 20, 0), leader));
        latency("search, county leader, broad notions (narrower phrases and a listing)", i -> search.search(
                new CaseSearch.Criteria(BROAD_QUERIES.get(i % BROAD_QUERIES.size()), null, null, null, null, 20, 0), leader));
        // 21st session: A/B on the same index, back to back: the category step's words-found filter matching the whole
        // text again, as before
        System.setProperty("minqing.search.fold-words-found", "false");
        latency("search, county leader, typos/thesaurus/places/relaxed [words found by a second text match]", i -> search.search(
                new CaseSearch.Criteria(HARD_QUERIES.get(i % HARD_QUERIES.size()), null, null, null, null, 20, 0), leader));
        latency("search, county leader, broad notions [words found by a second text match]", i -> search.search(
                new CaseSearch.Criteria(BROAD_QUERIES.get(i % BROAD_QUERIES.size()), null, null, null, null, 20, 0), leader));
        System.clearProperty("minqing.search.fold-words-found");
        latency("search, county leader, typos/thesaurus/places/relaxed [again, the words' match raised within itself]",
                i -> search.search(new CaseSearch.Criteria(HARD_QUERIES.get(i % HARD_QUERIES.size()), null, null, null,
                        null, 20, 0), leader));
        latency("search, county leader, broad notions [again, the words' match raised within itself]", i -> search.search(
                new CaseSearch.Criteria(BROAD_QUERIES.get(i % BROAD_QUERIES.size()), null, null, null, null, 20, 0), leader));
        // searchcost9: A/B on the same index, back to back: every rewrite on all seven fields, as before
        System.setProperty("minqing.search.rewrite-clauses", "full");
        latency("search, county leader, 20 hits + facets [every rewrite on all fields]", i -> search.search(
                new CaseSearch.Criteria(QUERIES.get(i % QUERIES.size()), null, null, null, null, 20, 0), leader));
        latency("search, county leader, typos/thesaurus/places/relaxed [every rewrite on all fields]", i -> search.search(
                new CaseSearch.Criteria(HARD_QUERIES.get(i % HARD_QUERIES.size()), null, null, null, null, 20, 0), leader));
        latency("search, township cadre (scope filter) [every rewrite on all fields]", i -> search.search(
                new CaseSearch.Criteria(QUERIES.get(i % QUERIES.size()), null, null, null, null, 20, 0), township));
        System.clearProperty("minqing.search.rewrite-clauses");
        latency("search, county leader, 20 hits + facets [again, common forms on the words fields]", i -> search.search(
                new CaseSearch.Criteria(QUERIES.get(i % QUERIES.size()), null, null, null, null, 20, 0), leader));
        latency("search, county leader, typos/thesaurus/places/relaxed [again, common forms on the words fields]",
                i -> search.search(new CaseSearch.Criteria(HARD_QUERIES.get(i % HARD_QUERIES.size()), null, null, null,
                        null, 20, 0), leader));
        // A/B on the same index, back to back: the pinyin clauses at every step, as before search4
        System.setProperty("minqing.search.pinyin-always", "true");
        latency("search, county leader, 20 hits + facets [pinyin at every step]", i -> search.search(
                new CaseSearch.Criteria(QUERIES.get(i % QUERIES.size()), null, null, null, null, 20, 0), leader));
        latency("search, county leader, typos/thesaurus/places/relaxed [pinyin at every step]", i -> search.search(
                new CaseSearch.Criteria(HARD_QUERIES.get(i % HARD_QUERIES.size()), null, null, null, null, 20, 0), leader));
        System.clearProperty("minqing.search.pinyin-always");
        latency("search, county leader, 20 hits + facets [again, pinyin only when relaxing]", i -> search.search(
                new CaseSearch.Criteria(QUERIES.get(i % QUERIES.size()), null, null, null, null, 20, 0), leader));
        // 29th session: A/B on the same index, back to back: the words typed and a long thesaurus form matched without a
        // pair of their characters side by side, as before (-Dbench.only="character pair" runs these four lines alone)
        System.setProperty("minqing.search.form-pair", "false");
        System.setProperty("minqing.search.typed-pair", "false");
        latency("search, county leader, 20 hits + facets [words and forms without a character pair]", i -> search.search(
                new CaseSearch.Criteria(QUERIES.get(i % QUERIES.size()), null, null, null, null, 20, 0), leader));
        latency("search, county leader, typos/thesaurus/places/relaxed [words and forms without a character pair]", i -> search.search(
                new CaseSearch.Criteria(HARD_QUERIES.get(i % HARD_QUERIES.size()), null, null, null, null, 20, 0), leader));
        System.clearProperty("minqing.search.form-pair");
        System.clearProperty("minqing.search.typed-pair");
        latency("search, county leader, 20 hits + facets [again, words and forms need a character pair]", i -> search.search(
                new CaseSearch.Criteria(QUERIES.get(i % QUERIES.size()), null, null, null, null, 20, 0), leader));
        latency("search, county leader, typos/thesaurus/places/relaxed [again, words and forms need a character pair]",
                i -> search.search(new CaseSearch.Criteria(HARD_QUERIES.get(i % HARD_QUERIES.size()), null, null, null,
                        null, 20, 0), leader));
        latency("search, township cadre (scope filter)", i -> search.search(
                new CaseSearch.Criteria(QUERIES.get(i % QUERIES.size()), null, null, null, null, 20, 0), township));
        latency("search, filters only, newest first", i -> search.search(
                new CaseSearch.Criteria(null, "water", null, "QS01", null, 20, 0), leader));
        latency("similar cases before filing (villager)", i -> similar.find(
                "三组的" + QUERIES.get(i % QUERIES.size()) + "好几天了没人管", "QS01001", 3, 10, villager));
    }

    /** The index's size on disk and the pinyin sub-fields' share of it (the _disk_usage analysis). */
    private static void printSize(ElasticsearchClient client, String alias) throws IOException {
        if (!Boolean.parseBoolean(System.getProperty("forceMerge", "true"))) {
            // -DforceMerge=false: as the app's index is (merging a million cases takes minutes)
            var store = client.indices().stats(s -> s.index(alias)).all().primaries().store();
            System.out.printf("index size, not force-merged: %.1f MB%n", store.sizeInBytes() / 1e6);
            return;
        }
        client.indices().forcemerge(f -> f.index(alias).maxNumSegments(1L));
        var stats = client.indices().stats(s -> s.index(alias)).all().primaries().store();
        System.out.printf("index size after force-merge: %.1f MB%n", stats.sizeInBytes() / 1e6);
        String usage = client.indices().diskUsage(d -> d.index(alias).runExpensiveTasks(true)).valueBody().toJson().toString();
        var fields = new com.fasterxml.jackson.databind.ObjectMapper().readTree(usage).findValue("fields");
        for (String field : List.of("title", "title.bigram", "title.pinyin", "description", "description.bigram", "description.pinyin",
                "corrected", "corrected.bigram", "correctedTitle.bigram")) {
            var f = fields == null ? null : fields.get(field);
            System.out.printf("  %-20s %s%n", field, f == null ? "?" : String.format("%.1f MB", f.get("total_in_bytes").asLong() / 1e6));
        }
    }

    /** {@code -Dbench.only=broad}: only the lines whose name contains that text (a quicker A/B of one kind of search). */
    private static void latency(String what, Latency.Call call) {
        String only = System.getProperty("bench.only");
        if (only != null && !what.contains(only)) {
            return;
        }
        Latency.print(what, 50, 400, call);
    }
}
