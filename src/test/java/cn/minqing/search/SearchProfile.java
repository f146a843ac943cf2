package cn.minqing.search;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where a search's time goes, on the cases SearchBenchmark indexed: each query is run
 * once through the app's search (the requests it sends are recorded: how many round trips, which relaxation
 * steps), then each recorded request is replayed straight to Elasticsearch with one part taken away at a
 * time — highlighting, facets, exact total, pinyin clauses, thesaurus and synonym clauses — and the mean
 * {@code took} of each variant printed. The differences name what costs.
 * Run by {@code SearchBenchmark 100000 profile}.
 */
public final class SearchProfile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = Integer.getInteger("profileRuns", 15);
    private static final List<String> recorded = new ArrayList<>();

    private SearchProfile() {
    }

    /** Profiles the searches of SearchBenchmark on the index it filled. */
    static void run(ConfigurableApplicationContext context) throws IOException {
        // closed at the end: its I/O threads are not daemons, and an open client kept exec:java from ever ending
        try (RestClient rest = recordingClient(context.getBean(RestClient.class))) {
            profile(context, rest);
        }
    }

    private static void profile(ConfigurableApplicationContext context, RestClient rest) throws IOException {
        SearchIndex appIndex = context.getBean(SearchIndex.class);
        // the app's JSON mapper: a bare JacksonJsonpMapper cannot read a case's dates, and the pass died on its first hit
        ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest,
                context.getBean(ElasticsearchClient.class)._jsonpMapper()));
        CaseSearch search = new CaseSearch(client, appIndex, context.getBean(Synonyms.class),
                context.getBean(PlaceNames.class), context.getBean(Thesaurus.class), context.getBean(CategoryIntent.class),
                context.getBean(SoundAlikes.class), "Asia/Shanghai");
        CurrentUser leader = context.getBean(UserAccounts.class).find("leader1").orElseThrow().user();
        // -Dprofile.queries=broad: the broad notions alone
        List<String> queries = new ArrayList<>();
        if ("broad".equals(System.getProperty("profile.queries"))) {
            queries.addAll(SearchBenchmark.BROAD_QUERIES);
        } else {
            queries.addAll(SearchBenchmark.QUERIES);
            queries.addAll(SearchBenchmark.HARD_QUERIES);
        }
        for (String q : queries) {
            search.search(new CaseSearch.Criteria(q, null, null, null, null, 20, 0), leader); // warm the caches
        }
        String clauses = System.getProperty("profile.clauses");
        if (clauses != null) {
            clauseTimes(search, rest, appIndex.alias(), leader, clauses); // where one query's time goes, clause by clause
            return;
        }
        if (Boolean.getBoolean("clausesOnly")) {
            clauseShapes(search, rest, appIndex.alias(), leader, queries); // searchcost9's A/B alone
            return;
        }
        Map<String, UnaryOperator<ObjectNode>> variants = new java.util.LinkedHashMap<>();
        variants.put("as sent", b -> b);
        // A/B of the highlight query (searchperf): as before, the highlights worked out from the whole search query
        variants.put("highlight by query", b -> {
            if (b.get("highlight") instanceof ObjectNode h) {
                h.remove("highlight_query");
            }
            return b;
        });
        variants.put("no highlight", b -> without(b, "highlight"));
        // the highlights of the words as typed alone (the highlight query's first clause): what marking the rewrites costs
        variants.put("highlight typed only", b -> {
            if (b.path("highlight").path("highlight_query").path("bool").path("should")
                    instanceof com.fasterxml.jackson.databind.node.ArrayNode should && should.size() > 1) {
                while (should.size() > 1) {
                    should.remove(should.size() - 1);
                }
            }
            return b;
        });
        variants.put("no facets", b -> without(b, "aggregations"));
        variants.put("no exact total", b -> {
            b.put("track_total_hits", false);
            return b;
        });
        // searchperf8: the top page alone (no facets, no exact total: Lucene may skip non-competitive matches) and
        // the count with the facets, the same query in filter context (no scores, no highlights, no sort)
        variants.put("top page only", b -> {
            b.put("track_total_hits", false);
            return without(b, "aggregations");
        });
        variants.put("top page, no highlight", b -> {
            b.put("track_total_hits", false);
            return without(without(b, "aggregations"), "highlight");
        });
        variants.put("count+facets filtered", SearchProfile::countInFilter);
        variants.put("count+facets filtered, cold", b -> {
            b.put(COLD, true);
            return countInFilter(b);
        });
        variants.put("no pinyin", b -> prune(b, SearchProfile::readsPinyin));
        variants.put("no thesaurus/synonyms", b -> prune(b, n -> n.path("multi_match").path("boost").asDouble(1) < 0.99
                && !readsPinyin(n)));
        variants.put("bare (words only)", b -> prune(prune(without(without(b, "highlight"), "aggregations"),
                SearchProfile::readsPinyin), n -> n.path("multi_match").path("boost").asDouble(1) < 0.99));
        System.out.printf("%n%-14s %5s %6s %6s  %s%n", "query", "trips", "app ms", "total", String.join(" | ", variants.keySet()));
        double[] sums = new double[variants.size()];
        for (String q : queries) {
            recorded.clear();
            long t = System.nanoTime();
            SearchResult result = search.search(new CaseSearch.Criteria(q, null, null, null, null, 20, 0), leader);
            double appMs = (System.nanoTime() - t) / 1e6;
            List<String> bodies = List.copyOf(recorded);
            StringBuilder line = new StringBuilder();
            int i = 0;
            for (UnaryOperator<ObjectNode> variant : variants.values()) {
                double took = 0;
                for (String body : bodies) {
                    took += meanTook(rest, appIndex.alias(), variant.apply((ObjectNode) JSON.readTree(body)));
                }
                sums[i++] += took;
                line.append(String.format("%7.1f", took));
            }
            System.out.printf("%-14s %5d %6.1f %6d  %s  relaxed %s%n", q, bodies.size(), appMs, result.total(), line,
                    result.relaxed());
        }
        StringBuilder line = new StringBuilder();
        for (double s : sums) {
            line.append(String.format("%7.1f", s / queries.size()));
        }
        System.out.printf("%-14s %5s %6s %6s  %s%n", "mean took ms", "", "", "", line);
        clauseShapes(search, rest, appIndex.alias(), leader, queries);
        CurrentUser villager = context.getBean(UserAccounts.class).find("villager1").orElseThrow().user();
        similar(context, rest, new SimilarCases(client, appIndex, context.getBean(cn.minqing.county.Regions.class)), villager);
    }

    /**
     * searchcost9: each query's requests recorded with every rewrite on all seven fields and with common forms on the
     * words fields only ({@code RewriteClauses}), each replayed as sent; the mean took of both, and the cut per query.
     */
    private static void clauseShapes(CaseSearch search, RestClient rest, String alias, CurrentUser leader,
                                     List<String> queries) throws IOException {
        System.out.printf("%n%-14s %9s %9s %12s %12s%n", "query", "all flds", "lean", "work all", "work lean");
        double full = 0;
        double lean = 0;
        long[] workSum = new long[2];
        for (String q : queries) {
            double[] took = new double[2];
            long[] work = new long[2];
            for (int shape = 0; shape < 2; shape++) {
                if (shape == 0) {
                    System.setProperty("minqing.search.rewrite-clauses", "full");
                }
                try {
                    search.search(new CaseSearch.Criteria(q, null, null, null, null, 20, 0), leader); // counts cached
                    recorded.clear();
                    search.search(new CaseSearch.Criteria(q, null, null, null, null, 20, 0), leader);
                } finally {
                    System.clearProperty("minqing.search.rewrite-clauses");
                }
                for (String body : List.copyOf(recorded)) {
                    took[shape] += meanTook(rest, alias, (ObjectNode) JSON.readTree(body));
                    work[shape] += work(rest, alias, (ObjectNode) JSON.readTree(body));
                }
            }
            full += took[0];
            lean += took[1];
            workSum[0] += work[0];
            workSum[1] += work[1];
            System.out.printf("%-14s %9.1f %9.1f %12d %12d%n", q, took[0], took[1], work[0], work[1]);
        }
        System.out.printf("%-14s %9.1f %9.1f %12d %12d  (mean took ms | sum of Lucene's leaf operations, every rewrite on "
                + "all fields | common forms on the words fields)%n", "all queries", full / queries.size(),
                lean / queries.size(), workSum[0], workSum[1]);
    }

    /**
     * The work a search asks of Lucene, independent of the machine's load: from Elasticsearch's profile, the documents
     * each leaf query (a term on a field) visited and scored ({@code next_doc}, {@code advance}, {@code score} counts),
     * summed over the query tree.
     */
    private static long work(RestClient rest, String index, ObjectNode body) throws IOException {
        body.remove(COLD);
        body.put("profile", true);
        Request request = new Request("POST", "/" + index + "/_search");
        request.setJsonEntity(body.toString());
        JsonNode answer = JSON.readTree(rest.performRequest(request).getEntity().getContent());
        long sum = 0;
        for (JsonNode shard : answer.path("profile").path("shards")) {
            for (JsonNode search : shard.path("searches")) {
                for (JsonNode query : search.path("query")) {
                    sum += leafWork(query);
                }
            }
        }
        return sum;
    }

    private static long leafWork(JsonNode node) {
        JsonNode children = node.path("children");
        if (children.isEmpty()) {
            JsonNode b = node.path("breakdown");
            return b.path("next_doc_count").asLong() + b.path("advance_count").asLong() + b.path("score_count").asLong();
        }
        long sum = 0;
        for (JsonNode child : children) {
            sum += leafWork(child);
        }
        return sum;
    }

    /** The same query in filter context, with the facets and the exact total; no hits, highlights or sort. */
    static ObjectNode countInFilter(ObjectNode b) {
        ObjectNode filtered = JSON.createObjectNode();
        filtered.putObject("bool").putArray("filter").add(b.get("query"));
        b.set("query", filtered);
        b.put("size", 0);
        b.put("track_total_hits", true);
        b.remove("from");
        b.remove("search_after");
        b.remove("sort");
        return without(b, "highlight");
    }

    /** Similar cases before filing: as sent, without the default 10,000-hit count, without pinyin. */
    static void similar(ConfigurableApplicationContext context, RestClient rest, SimilarCases similar, CurrentUser villager)
            throws IOException {
        SearchIndex appIndex = context.getBean(SearchIndex.class);
        Map<String, UnaryOperator<ObjectNode>> variants = new java.util.LinkedHashMap<>();
        variants.put("as sent", b -> b);
        variants.put("no total", b -> {
            b.put("track_total_hits", false);
            return b;
        });
        variants.put("no pinyin fields", b -> {
            b.findParents("fields").forEach(n -> {
                if (n.get("fields") instanceof ArrayNode fields) {
                    for (int i = fields.size() - 1; i >= 0; i--) {
                        if (fields.get(i).asText().contains("pinyin")) {
                            fields.remove(i);
                        }
                    }
                }
            });
            return b;
        });
        double[] sums = new double[variants.size()];
        for (String q : SearchBenchmark.QUERIES) {
            recorded.clear();
            similar.find("三组的" + q + "好几天了没人管", "QS01001", 3, 10, villager);
            List<String> bodies = List.copyOf(recorded);
            StringBuilder line = new StringBuilder();
            int i = 0;
            for (UnaryOperator<ObjectNode> variant : variants.values()) {
                double took = 0;
                for (String body : bodies) {
                    took += meanTook(rest, appIndex.alias(), variant.apply((ObjectNode) JSON.readTree(body)));
                }
                sums[i++] += took;
                line.append(String.format("%7.1f", took));
            }
            System.out.printf("similar %-10s %s%n", q, line);
        }
        StringBuilder line = new StringBuilder();
        for (double s : sums) {
            line.append(String.format("%7.1f", s / SearchBenchmark.QUERIES.size()));
        }
        System.out.printf("%-18s %s   (%s)%n", "similar mean took", line, String.join(" | ", variants.keySet()));
    }

    /** A client to the same node that keeps the body of every search it sends. */
    private static RestClient recordingClient(RestClient app) {
        HttpRequestInterceptor keep = (request, context) -> {
            if (request.getRequestLine().getUri().contains("_search") && request instanceof HttpEntityEnclosingRequest r
                    && r.getEntity() != null) {
                recorded.add(EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8));
            }
        };
        return RestClient.builder(app.getNodes().toArray(org.elasticsearch.client.Node[]::new))
                .setHttpClientConfigCallback(b -> b.addInterceptorLast(keep)).build();
    }

    /** A variant marked so runs with Elasticsearch's query and request caches emptied before each run. */
    private static final String COLD = "_cold";

    /**
     * {@code -Dprofile.clauses=农产品滞销}: sends each request of that search with Elasticsearch's profiler on and prints
     * its query clauses by the time spent in them (summed over shards and {@value #RUNS} runs after three), the outer
     * ones first: which of a search's clauses its time goes to.
     */
    private static void clauseTimes(CaseSearch search, RestClient rest, String index, CurrentUser leader, String q)
            throws IOException {
        recorded.clear();
        search.search(new CaseSearch.Criteria(q, null, null, null, null, 20, 0), leader);
        List<String> bodies = List.copyOf(recorded);
        for (String body : bodies) {
            ObjectNode profiled = (ObjectNode) JSON.readTree(body);
            profiled.put("profile", true);
            Request request = new Request("POST", "/" + index + "/_search");
            request.setJsonEntity(profiled.toString());
            Map<String, long[]> nanos = new java.util.LinkedHashMap<>();
            long took = 0;
            for (int i = 0; i < RUNS + 3; i++) {
                JsonNode answer = JSON.readTree(rest.performRequest(request).getEntity().getContent());
                if (i < 3) {
                    continue;
                }
                took += answer.path("took").asLong();
                for (JsonNode shard : answer.path("profile").path("shards")) {
                    for (JsonNode searched : shard.path("searches")) {
                        for (JsonNode node : searched.path("query")) {
                            addClauseTimes(node, 0, "", nanos);
                        }
                    }
                }
            }
            System.out.printf("%n%s: request of %d characters, took %.1f ms on average%n", q, body.length(), took / (double) RUNS);
            nanos.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(40)
                    .forEach(e -> System.out.printf("  %8.2f ms  depth %d  %s%n", e.getValue()[0] / 1e6 / RUNS,
                            e.getValue()[1], e.getKey()));
        }
    }

    private static void addClauseTimes(JsonNode node, int depth, String path, Map<String, long[]> nanos) {
        if (depth > 4) {
            return;
        }
        String description = node.path("description").asText();
        String key = path + node.path("type").asText() + " " + (description.length() > 160 ? description.substring(0, 160) + "…" : description);
        long[] sum = nanos.computeIfAbsent(key, k -> new long[] {0, depth});
        sum[0] += node.path("time_in_nanos").asLong();
        int child = 0;
        for (JsonNode c : node.path("children")) {
            addClauseTimes(c, depth + 1, path + (child++) + ".", nanos);
        }
    }

    private static double meanTook(RestClient rest, String index, ObjectNode body) throws IOException {
        boolean cold = body.remove(COLD) != null;
        Request request = new Request("POST", "/" + index + "/_search");
        request.setJsonEntity(body.toString());
        long sum = 0;
        for (int i = 0; i < RUNS + 3; i++) {
            if (cold) {
                rest.performRequest(new Request("POST", "/" + index + "/_cache/clear?query=true&request=true"));
            }
            JsonNode answer = JSON.readTree(rest.performRequest(request).getEntity().getContent());
            if (i >= 3) {
                sum += answer.path("took").asLong();
            }
        }
        return sum / (double) RUNS;
    }

    private static ObjectNode without(ObjectNode body, String field) {
        body.remove(field);
        return body;
    }

    private static boolean readsPinyin(JsonNode clause) {
        return clause.path("multi_match").path("fields").toString().contains("pinyin");
    }

    /** Drops every should-clause that {@code drop} names (the text's alternatives). */
    private static ObjectNode prune(ObjectNode node, java.util.function.Predicate<JsonNode> drop) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            JsonNode child = it.next().getValue();
            if (child instanceof ArrayNode array) {
                for (int i = array.size() - 1; i >= 0; i--) {
                    if (drop.test(array.get(i))) {
                        array.remove(i);
                    } else if (array.get(i) instanceof ObjectNode o) {
                        prune(o, drop);
                    }
                }
            } else if (child instanceof ObjectNode o) {
                prune(o, drop);
            }
        }
        return node;
    }
}
