package cn.minqing.search;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Which needs are rising where: case counts per category in the last period against the one before,
 * and the words that stand out in this period's reports against the previous period's. In scope.
 */
@Service
public class HotTopics {

    private final ElasticsearchClient client;
    private final SearchIndex index;
    private final Thesaurus thesaurus;

    HotTopics(ElasticsearchClient client, SearchIndex index, Thesaurus thesaurus) {
        this.client = client;
        this.index = index;
        this.thesaurus = thesaurus;
    }

    public record CategoryTrend(String category, long count, long previous, Double change) {
    }

    public record RisingTerm(String term, long count, long previousCount, double score) {
    }

    public record Result(OffsetDateTime from, OffsetDateTime to, int days, List<CategoryTrend> categories, List<RisingTerm> terms) {
    }

    public Result of(String region, int days, CurrentUser user) throws IOException {
        OffsetDateTime to = OffsetDateTime.now();
        return of(region, null, to.minusDays(days), to, user);
    }

    /** Rising categories and words in [from, to) against the period of the same length before it. */
    public Result of(String region, String category, OffsetDateTime from, OffsetDateTime to, CurrentUser user)
            throws IOException {
        if (user.isVillagerOnly()) {
            throw ApiException.forbidden("search.hot.forbidden");
        }
        index.ensureExists();
        int days = (int) Math.max(1, java.time.Duration.between(from, to).toDays());
        OffsetDateTime before = from.minus(java.time.Duration.between(from, to));
        Query current = range(from, to);
        Query previous = range(before, from);
        List<Query> filters = new ArrayList<>();
        Query scope = CaseSearch.scope(user);
        if (scope != null) {
            filters.add(scope);
        }
        if (region != null && !region.isBlank()) {
            filters.add(Query.of(q -> q.term(t -> t.field("regionPath").value(region))));
        }
        if (category != null && !category.isBlank()) {
            filters.add(Query.of(q -> q.term(t -> t.field("category").value(category))));
        }
        SearchResponse<Void> response = client.search(s -> s.index(index.alias()).size(0)
                .query(q -> q.bool(b -> b.filter(filters).filter(range(before, to))))
                .aggregations("current", a -> a.filter(current)
                        .aggregations("categories", c -> c.terms(t -> t.field("category").size(30)))
                        .aggregations("terms", t -> t.significantText(st -> st.field("description").size(15)
                                .minDocCount(2L).backgroundFilter(b -> b.bool(bb -> bb.filter(filters).filter(previous))))))
                .aggregations("previous", a -> a.filter(previous)
                        .aggregations("categories", c -> c.terms(t -> t.field("category").size(30)))), Void.class);
        return new Result(from, to, days, categories(response), terms(response));
    }

    private static Query range(OffsetDateTime from, OffsetDateTime to) {
        return Query.of(q -> q.range(r -> r.untyped(u -> u.field("createdAt").gte(JsonData.of(from.toString()))
                .lt(JsonData.of(to.toString())))));
    }

    private static List<CategoryTrend> categories(SearchResponse<Void> response) {
        Map<String, Long> now = counts(response.aggregations().get("current"));
        Map<String, Long> before = counts(response.aggregations().get("previous"));
        return now.entrySet().stream().map(e -> {
            long prev = before.getOrDefault(e.getKey(), 0L);
            Double change = prev == 0 ? null : (e.getValue() - prev) / (double) prev;
            return new CategoryTrend(e.getKey(), e.getValue(), prev, change);
        }).sorted(Comparator.comparingLong((CategoryTrend t) -> t.count() - t.previous()).reversed()).toList();
    }

    private static Map<String, Long> counts(Aggregate filter) {
        Map<String, Long> counts = new HashMap<>();
        filter.filter().aggregations().get("categories").sterms().buckets().array()
                .forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
        return counts;
    }

    /** Standout words; the forms of one thesaurus entry (停电, 没电, 断电) count as one topic, named by its term. */
    private List<RisingTerm> terms(SearchResponse<Void> response) {
        Map<String, RisingTerm> topics = new java.util.LinkedHashMap<>();
        response.aggregations().get("current").filter().aggregations().get("terms").sigsterms().buckets().array()
                .forEach(b -> topics.merge(thesaurus.topicOf(b.key()), new RisingTerm(thesaurus.topicOf(b.key()),
                        b.docCount(), b.bgCount(), b.score()), (a, c) -> new RisingTerm(a.term(), a.count() + c.count(),
                        a.previousCount() + c.previousCount(), Math.max(a.score(), c.score()))));
        return topics.values().stream().sorted(Comparator.comparingDouble(RisingTerm::score).reversed()).toList();
    }
}
