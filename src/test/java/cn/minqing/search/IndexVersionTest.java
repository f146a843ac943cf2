package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import cn.minqing.support.ApiTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Several indexers (app instances) may ship the same case: one that read it earlier can write later.
 * The index keeps each case at its database version, so an older state never overwrites a newer one.
 */
class IndexVersionTest extends ApiTest {

    @Autowired
    Cases cases;
    @Autowired
    CaseDocuments documents;
    @Autowired
    ElasticsearchClient client;

    @Test
    void anOlderStateOfACaseCannotOverwriteANewerOne() throws Exception {
        String number = file("villager1", "晒谷场的排水沟堵了", "晒谷场边上的排水沟被泥巴堵死了，一下雨就积水", "road");
        CaseRecord before = cases.byNumbers(List.of(number)).get(0);
        JsonNode task = get("grid1", "/api/tasks?caseNumber=" + number).getBody().get(0);
        assertThat(post("grid1", "/api/tasks/" + task.get("id").asText() + "/complete", Map.of("outcome", "accept"))
                .getStatusCode().value()).isEqualTo(200);
        CaseRecord after = cases.byNumbers(List.of(number)).get(0);
        assertThat(after.version()).as("every change raises the version").isGreaterThan(before.version());

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (indexedVersion(number) < after.version() && System.nanoTime() < deadline) {
            sleep(200);
        }
        assertThat(indexedVersion(number)).isEqualTo(after.version());

        // a slow indexer arrives with the state it read before the case was accepted
        var response = client.bulk(b -> b.operations(CaseDocuments.write("cases", documents.of(List.of(before)).get(0))));
        assertThat(CaseDocuments.olderThanIndexed(response.items().get(0))).isTrue();
        var doc = client.get(g -> g.index("cases").id(number), CaseDocument.class);
        assertThat(doc.version()).isEqualTo(after.version());
        assertThat(doc.source().status()).isEqualTo(after.status().code()).isNotEqualTo(before.status().code());
    }

    private long indexedVersion(String number) throws Exception {
        var doc = client.get(g -> g.index("cases").id(number), CaseDocument.class);
        return doc.found() ? doc.version() : 0;
    }
}
