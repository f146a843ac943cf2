package cn.minqing.stats;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The indicators that the search index can answer on its own (received, solved, unsolvable, open),
 * per township, from Elasticsearch aggregations. Used to check that the index tells the same story as
 * PostgreSQL, and for fast overviews; PostgreSQL stays the source of truth.
 */
@Component
class IndexedIndicators {

    /** Counts of one township. */
    record Counts(long received, long solved, long unsolvable, long open) {
        Double resolutionRate() {
            long closed = solved + unsolvable;
            return closed == 0 ? null : Math.round(solved * 10000.0 / closed) / 10000.0;
        }
    }

    private final ElasticsearchClient client;
    private final String alias;

    IndexedIndicators(ElasticsearchClient client, @Value("${minqing.search.alias}") String alias) {
        this.client = client;
        this.alias = alias;
    }

    Map<String, Counts> byTownship(String region, OffsetDateTime from, OffsetDateTime to) throws IOException {
        var response = client.search(s -> s.index(alias).size(0)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("regionPath").value(region)))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("createdAt")
                                .gte(JsonData.of(from.toString())).lt(JsonData.of(to.toString())))))))
                .aggregations("township", a -> a.terms(t -> t.field("townshipCode").size(100))
                        .aggregations("status", st -> st.terms(t -> t.field("status").size(20)))), Void.class);
        Map<String, Counts> counts = new LinkedHashMap<>();
        for (StringTermsBucket township : response.aggregations().get("township").sterms().buckets().array()) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            township.aggregations().get("status").sterms().buckets().array()
                    .forEach(b -> byStatus.put(b.key().stringValue(), b.docCount()));
            long closedOrEnded = byStatus.getOrDefault("solved", 0L) + byStatus.getOrDefault("unsolvable", 0L)
                    + byStatus.getOrDefault("rejected", 0L) + byStatus.getOrDefault("merged", 0L);
            counts.put(township.key().stringValue(), new Counts(township.docCount(), byStatus.getOrDefault("solved", 0L),
                    byStatus.getOrDefault("unsolvable", 0L), township.docCount() - closedOrEnded));
        }
        return counts;
    }
}
