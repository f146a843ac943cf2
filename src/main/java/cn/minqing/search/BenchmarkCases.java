package cn.minqing.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * Made-up cases for the search benchmarks (SearchBenchmark in the test tree, and the release jar's bench mode through
 * {@code POST /api/admin/bench/search-cases}): the demo reports with varied villages, dates and statuses, bulk-written
 * straight into the search index as the indexer writes them (with the index-time 同音纠错 reading). Nothing goes to
 * PostgreSQL: the search path, its scope and what it shows of a reporter read the index only.
 */
public final class BenchmarkCases {

    private static final String[] STATUSES = {"received", "dispatched", "investigating", "implementing", "solved", "unsolvable"};
    private static final int BATCH = 2000;

    private final ElasticsearchClient client;
    private final SearchIndex index;
    private final CaseDocuments documents;
    private final List<String[]> reports;
    /** The sound-alike reading of each demo report, made once: a case is a report plus its serial number. */
    private final Map<Integer, CaseDocument> readings = new HashMap<>();

    private BenchmarkCases(ElasticsearchClient client, SearchIndex index, CaseDocuments documents) throws IOException {
        this.client = client;
        this.index = index;
        this.documents = documents;
        this.reports = new String(new ClassPathResource("demo/reports.tsv").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split("\t")).toList();
    }

    /** The generator on the app's own index and client. */
    public static BenchmarkCases of(ApplicationContext context) throws IOException {
        return new BenchmarkCases(context.getBean(ElasticsearchClient.class), context.getBean(SearchIndex.class),
                context.getBean(CaseDocuments.class));
    }

    /** The alias searches read (the live index behind it). */
    public String alias() throws IOException {
        index.ensureExists();
        return index.alias();
    }

    private String existing() {
        return index.alias();
    }

    /**
     * Writes cases QS-BENCH-{first} … QS-BENCH-{first + count − 1}; the same first and count always give the same
     * cases (seeded by first), so a big corpus can be written in several calls. Not refreshed: call {@link #refresh}.
     */
    public void write(int first, int count) throws IOException {
        String alias = alias();
        Random random = new Random(42L + first);
        OffsetDateTime now = OffsetDateTime.now();
        for (int done = 0; done < count; ) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            int batch = Math.min(BATCH, count - done);
            for (int i = 0; i < batch; i++) {
                CaseDocument doc = next(random, now, first + done + i);
                bulk.operations(op -> op.index(x -> x.index(alias).id(doc.number()).document(doc)));
            }
            if (client.bulk(bulk.build()).errors()) {
                throw new IOException("bulk refused documents");
            }
            done += batch;
        }
    }

    private CaseDocument next(Random random, OffsetDateTime now, int serial) {
        int report = random.nextInt(reports.size());
        String[] r = reports.get(report);
        int township = 1 + random.nextInt(6);
        String villageCode = "QS0" + township + "00" + (1 + random.nextInt(5));
        OffsetDateTime created = now.minusMinutes(random.nextInt(365 * 24 * 60));
        String number = "QS-BENCH-" + serial;
        CaseDocument doc = new CaseDocument(number, r[1], r[2] + " " + serial, r[0], r[0], villageCode,
                villageCode, "QS0" + township, "QS0" + township, List.of("QS", "QS0" + township, villageCode),
                STATUSES[random.nextInt(STATUSES.length)], "general", "QS0" + township + "-GOV", "bench",
                false, random.nextInt(5), new CaseDocument.GeoPoint(27.8 + random.nextDouble() * 0.2,
                113.1 + random.nextDouble() * 0.2), null, created, created, null, created.plusDays(10),
                "none", false, new CaseDocument.Handling(created.plusDays(1), created.plusHours(3), true, false,
                null, 0, 0, 0, null), 1);
        // digits are never read as other words, nor part of a thesaurus form: the report's reading serves every case
        // made from it
        CaseDocument read = readings.computeIfAbsent(report, k -> documents.corrected(doc));
        return doc.withCorrected(read.corrected() == null ? null : read.corrected().replace(" " + serial, " "),
                read.correctedTitle()).withForms(read.forms() == null ? List.of() : read.forms());
    }

    /** Makes what was written searchable. */
    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(existing()));
    }

    /** Documents in the index and its primary store size in bytes. */
    public long[] size() throws IOException {
        var primaries = client.indices().stats(s -> s.index(existing())).all().primaries();
        return new long[] {primaries.docs().count(), primaries.store().sizeInBytes()};
    }
}
