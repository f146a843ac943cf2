package cn.minqing.stats;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The indicator library per township computed from Elasticsearch aggregations alone, with the same
 * formulas as PostgreSQL ({@link IndicatorValues#of}). It exists so that anyone can check that the
 * index tells the same story as the source of truth; the 90th percentile is left out (the index
 * only estimates percentiles).
 */
@Component
class IndexedIndicators {

    private static final List<String> CLOSED = List.of("solved", "unsolvable");

    private final ElasticsearchClient client;
    private final String alias;

    IndexedIndicators(ElasticsearchClient client, @Value("${minqing.search.alias}") String alias) {
        this.client = client;
        this.alias = alias;
    }

    Map<String, IndicatorValues> byTownship(String region, OffsetDateTime from, OffsetDateTime to) throws IOException {
        Map<String, Aggregation> counts = new LinkedHashMap<>();
        filters().forEach((name, query) -> counts.put(name, Aggregation.of(a -> a.filter(query))));
        counts.put("supervisions", Aggregation.of(a -> a.sum(s -> s.field("handling.supervisions"))));
        counts.put("reworks", Aggregation.of(a -> a.sum(s -> s.field("handling.reworks"))));
        counts.put("secondsToClose", Aggregation.of(a -> a.avg(s -> s.field("handling.secondsToClose"))));
        counts.put("supporters", Aggregation.of(a -> a.avg(s -> s.field("supporters"))));
        var response = client.search(s -> s.index(alias).size(0)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("regionPath").value(region)))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("createdAt")
                                .gte(JsonData.of(from.toString())).lt(JsonData.of(to.toString())))))))
                .aggregations("township", a -> a.terms(t -> t.field("townshipCode").size(1000)).aggregations(counts)),
                Void.class);
        Map<String, IndicatorValues> values = new LinkedHashMap<>();
        for (StringTermsBucket township : response.aggregations().get("township").sterms().buckets().array()) {
            Map<String, Aggregate> a = township.aggregations();
            IndicatorCounts c = new IndicatorCounts(township.docCount(), n(a, "dispatched"), n(a, "signedInTime"),
                    n(a, "closed"), n(a, "closedInTime"), n(a, "closedWithDeadline"), n(a, "solved"), n(a, "satisfied"),
                    n(a, "rated"), n(a, "noResponse"), n(a, "reworked"), n(a, "returned"),
                    Math.round(a.get("supervisions").sum().value()), n(a, "open"), n(a, "overdue"),
                    Math.round(a.get("reworks").sum().value()), n(a, "answered"),
                    n(a, "extended"), n(a, "closedInOriginalTime"), n(a, "deferred"), n(a, "everDeferred"));
            values.put(township.key().stringValue(), IndicatorValues.of(c, hours(a.get("secondsToClose").avg().value()),
                    null, nullIfNaN(a.get("supporters").avg().value())));
        }
        return values;
    }

    private static Map<String, Query> filters() {
        Query closed = terms("status", CLOSED);
        Query open = Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("closedAt")))
                .mustNot(terms("status", List.of("rejected", "merged")))));
        Map<String, Query> f = new LinkedHashMap<>();
        f.put("dispatched", Query.of(q -> q.exists(e -> e.field("handling.signDue"))));
        f.put("signedInTime", term("handling.signedInTime", true));
        f.put("closed", closed);
        f.put("closedInTime", term("handling.closedInTime", true));
        f.put("closedWithDeadline", Query.of(q -> q.bool(b -> b.filter(closed).filter(x -> x.exists(e -> e.field("resolveDue"))))));
        f.put("solved", terms("status", List.of("solved")));
        f.put("answered", terms("status", List.of("answered")));
        f.put("extended", Query.of(q -> q.range(r -> r.untyped(u -> u.field("handling.extensions").gt(JsonData.of(0))))));
        f.put("closedInOriginalTime", term("handling.closedInOriginalTime", true));
        f.put("deferred", term("handling.deferred", true));
        f.put("everDeferred", Query.of(q -> q.range(r -> r.untyped(u -> u.field("handling.deferrals").gt(JsonData.of(0))))));
        f.put("satisfied", terms("handling.rating", List.of("satisfied", "basically")));
        f.put("rated", terms("handling.rating", List.of("satisfied", "basically", "dissatisfied")));
        f.put("noResponse", terms("handling.rating", List.of("no-response")));
        f.put("reworked", Query.of(q -> q.bool(b -> b.filter(closed)
                .filter(x -> x.range(r -> r.untyped(u -> u.field("handling.reworks").gt(JsonData.of(0))))))));
        f.put("returned", Query.of(q -> q.range(r -> r.untyped(u -> u.field("handling.returns").gt(JsonData.of(0))))));
        f.put("open", open);
        f.put("overdue", Query.of(q -> q.bool(b -> b.filter(open)
                .filter(x -> x.range(r -> r.untyped(u -> u.field("resolveDue").lt(JsonData.of("now"))))))));
        return f;
    }

    private static Query term(String field, boolean value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }

    private static long n(Map<String, Aggregate> aggregations, String name) {
        return aggregations.get(name).filter().docCount();
    }

    private static Double hours(double seconds) {
        return Double.isNaN(seconds) ? null : seconds / 3600;
    }

    private static Double nullIfNaN(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
