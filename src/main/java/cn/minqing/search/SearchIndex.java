package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The cases index lives behind an alias ({@code cases}); each physical index is versioned
 * ({@code cases-20261128-101500}) and created from search-mappings/cases.json, so a mapping change
 * is rolled out by building a new index and swapping the alias.
 */
@Component
class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final ElasticsearchClient client;
    private final String alias;
    private final Clock clock;
    private final CountyWords countyWords;
    private volatile boolean ready;

    SearchIndex(ElasticsearchClient client, @Value("${minqing.search.alias}") String alias, Clock clock,
                CountyWords countyWords) {
        this.client = client;
        this.countyWords = countyWords;
        this.alias = alias;
        this.clock = clock;
    }

    String alias() {
        return alias;
    }

    /**
     * Makes sure the alias points at an index; creates the first one if there is none. The first
     * index is named after the mapping's hash, so app instances racing here create one index, not two.
     */
    synchronized void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            String index = alias + "-" + mappingHash(countyWords.all());
            if (!client.indices().exists(e -> e.index(index)).value()) {
                try {
                    create(index);
                } catch (ElasticsearchException e) {
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
            client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true))));
            log.info("Created search index {} behind alias {}", index, alias);
        }
        ready = true;
    }

    /** A new, empty physical index with the current mapping, for a rebuild. */
    String createVersioned() throws IOException {
        String index = alias + "-" + VERSION.format(LocalDateTime.now(clock));
        create(index);
        return index;
    }

    /** Creates an index from search-mappings/cases.json with the mapping's hash kept in its _meta. */
    private void create(String index) throws IOException {
        ObjectNode definition = (ObjectNode) JSON.readTree(mappingText());
        List<String> words = countyWords.all();
        words.forEach(((ObjectNode) definition.at("/settings/analysis/filter/county_words")).putArray("words")::add);
        ((ObjectNode) definition.get("mappings")).putObject("_meta").put("mappingHash", mappingHash(words));
        String json = JSON.writeValueAsString(definition);
        client.indices().create(c -> c.index(index).withJson(new StringReader(json)));
    }

    /** True when the index behind the alias was built from another version of search-mappings/cases.json. */
    boolean isOutdated() throws IOException {
        String expected = mappingHash(countyWords.all());
        for (String index : currentIndices()) {
            var mapping = client.indices().getMapping(m -> m.index(index)).result().get(index).mappings();
            var meta = mapping.meta();
            String hash = meta == null || meta.get("mappingHash") == null ? null : meta.get("mappingHash").to(String.class);
            if (!expected.equals(hash)) {
                return true;
            }
        }
        return false;
    }

    private static String mappingText() throws IOException {
        try (InputStream in = new ClassPathResource("search-mappings/cases.json").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The mapping file, the county's words and the dialect words reports are also read by: a new village name or a
     * new dialect word makes the index outdated too.
     */
    private static String mappingHash(List<String> words) throws IOException {
        try {
            String source = mappingText() + String.join("\n", words) + DialectWords.data();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Set<String> currentIndices() throws IOException {
        GetAliasResponse response = client.indices().getAlias(a -> a.name(alias));
        return response.result().keySet();
    }

    /** Points the alias at {@code index} in one atomic step and drops the indices it pointed at before. */
    void swapTo(String index) throws IOException {
        Set<String> old = currentIndices();
        client.indices().updateAliases(u -> {
            old.forEach(o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias))));
            return u.actions(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true)));
        });
        for (String o : old) {
            if (!o.equals(index)) {
                client.indices().delete(d -> d.index(o));
            }
        }
        ready = true;
    }

    void forget() {
        ready = false;
    }
}
