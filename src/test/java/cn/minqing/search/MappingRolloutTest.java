package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * searchcost9: the index version with stored offsets reaches a running county by itself. The alias is pointed at an
 * index built from the previous mapping (no {@code index_options} on title and description, another mapping hash);
 * {@link MappingRollout} sees it outdated, rebuilds from PostgreSQL and swaps the alias; the new index stores offsets
 * and answers with highlights.
 */
class MappingRolloutTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    SearchIndex index;
    @Autowired
    MappingRollout rollout;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    CountyWords countyWords;

    @Test
    void anIndexOfThePreviousMappingIsRebuiltWithStoredOffsets() throws Exception {
        String number = file("villager1", "机耕道塌方", "村口机耕道雨后塌方，拖拉机过不去", "road");
        await(Duration.ofSeconds(10), "admin", "/api/search?q=机耕道塌方",
                r -> r.get("hits").findValuesAsText("number").contains(number));

        String previous = "cases-previous-mapping";
        String mapping = previousMapping();
        client.indices().create(c -> c.index(previous).withJson(new StringReader(mapping)));
        index.swapTo(previous);
        assertThat(index.isOutdated()).as("an index of the previous mapping is outdated").isTrue();

        rollout.rebuildIfOutdated();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (index.currentIndices().contains(previous) && System.nanoTime() < deadline) {
            sleep(250);
        }
        String current = index.currentIndices().iterator().next();
        assertThat(current).as("the alias moved to a rebuilt index").isNotEqualTo(previous);
        assertThat(index.isOutdated()).isFalse();
        var properties = client.indices().getMapping(m -> m.index(current)).result().get(current).mappings().properties();
        for (String field : List.of("title", "description")) {
            assertThat(properties.get(field).text().indexOptions()).as(field + " stores offsets").isNotNull()
                    .extracting(Enum::name).isEqualTo("Offsets");
        }
        JsonNode found = await(Duration.ofSeconds(10), "admin", "/api/search?q=机耕道塌方",
                r -> r.get("hits").findValuesAsText("number").contains(number));
        JsonNode hit = null;
        for (JsonNode h : found.get("hits")) {
            hit = number.equals(h.path("number").asText()) ? h : hit;
        }
        assertThat(hit).isNotNull();
        assertThat(hit.path("highlight").toString()).as("highlighted from the stored offsets").contains("<em>");
    }

    /** The mapping as it was before this session: no offsets stored, and a hash that is not the current one. */
    private String previousMapping() throws Exception {
        String text = new ClassPathResource("search-mappings/cases.json").getContentAsString(StandardCharsets.UTF_8);
        ObjectNode definition = (ObjectNode) JSON.readTree(text);
        var words = ((ObjectNode) definition.at("/settings/analysis/filter/county_words")).putArray("words");
        countyWords.all().forEach(words::add);
        ObjectNode properties = (ObjectNode) definition.at("/mappings/properties");
        for (String field : List.of("title", "description")) {
            ((ObjectNode) properties.get(field)).remove("index_options");
        }
        ((ObjectNode) definition.get("mappings")).putObject("_meta").put("mappingHash", "previous-mapping");
        return JSON.writeValueAsString(definition);
    }
}
