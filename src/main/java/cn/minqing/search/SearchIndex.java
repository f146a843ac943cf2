package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final ElasticsearchClient client;
    private final String alias;
    private final Clock clock;
    private volatile boolean ready;

    SearchIndex(ElasticsearchClient client, @Value("${minqing.search.alias}") String alias, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.clock = clock;
    }

    String alias() {
        return alias;
    }

    /** Makes sure the alias points at an index; creates the first one if there is none. */
    void ensureExists() throws IOException {
        if (ready) {
            return;
        }
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            String index = createVersioned();
            client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias))));
            log.info("Created search index {} behind alias {}", index, alias);
        }
        ready = true;
    }

    /** A new, empty physical index with the current mapping. */
    String createVersioned() throws IOException {
        String index = alias + "-" + VERSION.format(LocalDateTime.now(clock));
        try (InputStream mapping = new ClassPathResource("search-mappings/cases.json").getInputStream()) {
            client.indices().create(c -> c.index(index).withJson(mapping));
        }
        return index;
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
            return u.actions(a -> a.add(add -> add.index(index).alias(alias)));
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
