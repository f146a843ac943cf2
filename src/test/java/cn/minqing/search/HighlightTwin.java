package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * searchcost9: a twin of a judged set's index built from the project's mapping without stored offsets
 * ({@code index_options} left at its default, as before this session), so that every judged query can be asked of
 * both and the answers compared whole: highlights taken from the stored offsets must be those the highlighter made by
 * analysing each hit again. Also reports the store size of both, each merged to one segment.
 */
final class HighlightTwin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ElasticsearchClient client;
    private final String alias;

    private HighlightTwin(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** Creates the twin (alias {@code <alias>}, one index) with the current mapping less {@code index_options}. */
    static HighlightTwin create(ElasticsearchClient client, String alias, List<String> countyWords) throws IOException {
        HighlightTwin twin = new HighlightTwin(client, alias);
        twin.drop();
        String text = new ClassPathResource("search-mappings/cases.json").getContentAsString(StandardCharsets.UTF_8);
        ObjectNode definition = (ObjectNode) JSON.readTree(text);
        var words = ((ObjectNode) definition.at("/settings/analysis/filter/county_words")).putArray("words");
        countyWords.forEach(words::add);
        ObjectNode properties = (ObjectNode) definition.at("/mappings/properties");
        boolean hadOffsets = false;
        for (String field : List.of("title", "description")) {
            hadOffsets |= ((ObjectNode) properties.get(field)).remove("index_options") != null;
        }
        if (!hadOffsets) {
            throw new IllegalStateException("the mapping stores no offsets: nothing to compare");
        }
        String json = JSON.writeValueAsString(definition);
        client.indices().create(c -> c.index(alias + "-1").withJson(new StringReader(json)));
        client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(alias + "-1").alias(alias).isWriteIndex(true))));
        return twin;
    }

    String alias() {
        return alias;
    }

    /** Both indices merged to one segment, then their primary store sizes in bytes: {with offsets, without}. */
    long[] storeSizes(String withOffsets) throws IOException {
        long[] sizes = new long[2];
        List<String> both = List.of(withOffsets, alias);
        for (int i = 0; i < 2; i++) {
            String name = both.get(i);
            client.indices().forcemerge(f -> f.index(name).maxNumSegments(1L));
            // searched from here on: every search sees the one merged segment, not a reader from before the merge
            client.indices().refresh(r -> r.index(name));
            sizes[i] = client.indices().stats(s -> s.index(name)).all().primaries().store().sizeInBytes();
        }
        return sizes;
    }

    void drop() throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            for (String name : client.indices().getAlias(a -> a.name(alias)).result().keySet()) {
                client.indices().delete(d -> d.index(name));
            }
        }
    }
}
