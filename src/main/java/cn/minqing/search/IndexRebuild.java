package cn.minqing.search;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the index from PostgreSQL into a new versioned index while searches keep using the old
 * one, then swaps the alias. Cases changed during the rebuild are queued again afterwards.
 */
@Service
class IndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);
    private static final int PAGE = 1000;

    record Result(String index, long documents, long millis) {
    }

    private final SearchIndex index;
    private final Cases cases;
    private final CaseDocuments documents;
    private final ElasticsearchClient client;
    private final JdbcClient jdbc;

    IndexRebuild(SearchIndex index, Cases cases, CaseDocuments documents, ElasticsearchClient client, JdbcClient jdbc) {
        this.index = index;
        this.cases = cases;
        this.documents = documents;
        this.client = client;
        this.jdbc = jdbc;
    }

    synchronized Result rebuild() throws IOException {
        long start = System.currentTimeMillis();
        OffsetDateTime since = jdbc.sql("select now() - interval '5 minutes'").query(OffsetDateTime.class).single();
        String target = index.createVersioned();
        long count = 0;
        long after = 0;
        for (List<CaseRecord> page = cases.page(after, PAGE); !page.isEmpty(); page = cases.page(after, PAGE)) {
            bulk(target, documents.of(page));
            count += page.size();
            after = page.get(page.size() - 1).id();
        }
        client.indices().refresh(r -> r.index(target));
        index.swapTo(target);
        jdbc.sql("insert into minqing.search_outbox (case_number) select number from minqing.case_record where updated_at >= ?")
                .param(since).update();
        Result result = new Result(target, count, System.currentTimeMillis() - start);
        log.info("Rebuilt the search index: {}", result);
        return result;
    }

    private void bulk(String target, List<CaseDocument> docs) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        docs.forEach(doc -> bulk.operations(CaseDocuments.write(target, doc)));
        BulkResponse response = client.bulk(bulk.build());
        // a newer version already written by the outbox is not an error
        if (response.items().stream().anyMatch(i -> i.error() != null && !CaseDocuments.olderThanIndexed(i))) {
            throw new IOException("Elasticsearch refused documents while rebuilding; first: "
                    + response.items().stream().filter(i -> i.error() != null && !CaseDocuments.olderThanIndexed(i)).findFirst()
                    .map(i -> i.id() + " " + i.error().reason()).orElse("?"));
        }
    }
}
