package cn.minqing.visits;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The case side of the visit figures from the search index alone, to be checked against PostgreSQL. */
@Component
class IndexedVisitFigures {

    private final ElasticsearchClient client;
    private final String alias;

    IndexedVisitFigures(ElasticsearchClient client, @Value("${minqing.search.alias}") String alias) {
        this.client = client;
        this.alias = alias;
    }

    Map<String, VisitFigures.CaseCounts> caseCounts(String region, boolean byTownship, OffsetDateTime from,
                                                    OffsetDateTime to) throws IOException {
        Query visit = Query.of(q -> q.term(t -> t.field("channel").value("visit")));
        Map<String, Aggregation> counts = new LinkedHashMap<>();
        counts.put("fromVisits", Aggregation.of(a -> a.filter(visit)));
        counts.put("fromVillagers", Aggregation.of(a -> a.filter(f -> f.bool(b -> b.mustNot(visit)))));
        counts.put("visitSolved", Aggregation.of(a -> a.filter(f -> f.bool(b -> b.filter(visit)
                .filter(s -> s.term(t -> t.field("status").value("solved")))))));
        var response = client.search(s -> s.index(alias).size(0)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.term(t -> t.field("regionPath").value(region)))
                        .filter(f -> f.range(r -> r.untyped(u -> u.field("createdAt")
                                .gte(JsonData.of(from.toString())).lt(JsonData.of(to.toString())))))))
                .aggregations("group", a -> a.terms(t -> t.field(byTownship ? "townshipCode" : "villageCode").size(10000))
                        .aggregations(counts)), Void.class);
        Map<String, VisitFigures.CaseCounts> result = new LinkedHashMap<>();
        for (StringTermsBucket b : response.aggregations().get("group").sterms().buckets().array()) {
            var a = b.aggregations();
            result.put(b.key().stringValue(), new VisitFigures.CaseCounts(a.get("fromVisits").filter().docCount(),
                    a.get("fromVillagers").filter().docCount(), a.get("visitSolved").filter().docCount()));
        }
        return result;
    }
}
