package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.Cases;
import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.ApiTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;

/**
 * Search quality on judged test sets (src/test/resources/relevance/): reports written the way
 * villagers write and queries the way cadres type, each with its relevant reports. Each set is searched
 * as the county leader leader1 over an index of its own (the project's mapping under the alias
 * {@code relevance-<set>}, so no other test's data moves the figures) that also holds the demo county's
 * cases (judged too: relevance/demo.tsv) and a few hundred generated reports on other needs. Prints
 * precision@5, recall@10 and nDCG@10 per query and on average, and the near-duplicates the similar-case
 * finder catches, and fails below each set's floors. The holdout set was written after the search was
 * tuned on the other, so its figures are the honest ones.
 */
class RelevanceTest extends ApiTest {

    /** A judged set and the floors it must reach (set just under what it reaches, as docs/search.md states). */
    record TestSet(String name, double ndcg10, double recall10, double precision5, int duplicatesCaught) {
    }

    static final TestSet TUNING = new TestSet("tuning", 0.88, 0.85, 0.68, 8);
    static final TestSet HOLDOUT = new TestSet("holdout", 0.83, 0.79, 0.65, 7);
    static final int DISTRACTORS = 300;
    /** 枫树坪村: "枫树坪 路" asks for every road problem there, so no generated road report goes there. */
    static final String ROADS_JUDGED_IN = "QS02001";

    @Autowired
    ElasticsearchClient client;
    @Autowired
    Clock clock;
    @Autowired
    CountyWords countyWords;
    @Autowired
    Synonyms synonyms;
    @Autowired
    PlaceNames placeNames;
    @Autowired
    CaseDocuments documents;
    @Autowired
    Cases cases;
    @Autowired
    Regions regions;
    @Autowired
    Categories categories;
    @Autowired
    UserAccounts accounts;
    @Value("${minqing.demo.cases}")
    int demoCases;

    record Report(String id, String category, String village, String title, String description) {
    }

    @Test
    void theTuningSet() throws IOException {
        evaluate(TUNING);
    }

    @Test
    void theHoldoutSetWrittenAfterTuning() throws IOException {
        evaluate(HOLDOUT);
    }

    private void evaluate(TestSet set) throws IOException {
        SearchIndex index = new SearchIndex(client, "relevance-" + set.name(), clock, countyWords);
        drop(index);
        try {
            index.ensureExists();
            Map<String, Report> reports = reports(set);
            Map<String, String> labels = fill(index, set, reports);
            CurrentUser leader = accounts.find("leader1").orElseThrow().user();
            measure(set, new CaseSearch(client, index, synonyms, placeNames, "Asia/Shanghai"),
                    new SimilarCases(client, index, regions), leader, reports, labels);
        } finally {
            drop(index);
        }
    }

    private void measure(TestSet set, CaseSearch search, SimilarCases similar, CurrentUser leader,
                         Map<String, Report> reports, Map<String, String> labels) throws IOException {
        Map<String, Set<String>> demoJudged = demoJudgements(labels);
        double p5 = 0, r10 = 0, ndcg = 0, bestP5 = 0;
        List<String[]> queries = rows(set.name() + "/queries.tsv");
        System.out.printf("%nrelevance set %s, searched as leader1 among %d documents%n%-4s %-16s %5s %5s %7s  %s%n",
                set.name(), labels.size(), "qid", "query", "P@5", "R@10", "nDCG@10", "top 10 (R = judged set, D = demo case, X = generated)");
        for (String[] q : queries) {
            Set<String> relevant = new HashSet<>(Arrays.asList(q[2].split("\\s*,\\s*")));
            relevant.addAll(demoJudged.getOrDefault(q[1], Set.of()));
            List<String> ranked = search.search(new CaseSearch.Criteria(q[1], null, null, null, null, 10, 0), leader)
                    .hits().stream().map(h -> labels.get(h.number())).toList();
            assertThat(ranked).as("hits come from this set's index only").doesNotContainNull();
            double qp5 = ranked.stream().limit(5).filter(relevant::contains).count() / 5.0;
            double qr10 = ranked.stream().limit(10).filter(relevant::contains).count() / (double) relevant.size();
            double qndcg = ndcg(ranked, relevant, 10);
            System.out.printf("%-4s %-16s %5.2f %5.2f %7.2f  %s%n", q[0], q[1], qp5, qr10, qndcg,
                    ranked.stream().map(l -> (relevant.contains(l) ? "+" : "-") + l.replaceAll(":.*", "")).collect(Collectors.joining(" ")));
            p5 += qp5;
            bestP5 += Math.min(5, relevant.size()) / 5.0;
            r10 += qr10;
            ndcg += qndcg;
        }
        int n = queries.size();
        System.out.printf("%s: mean over %d queries: precision@5 %.3f (at best %.3f)  recall@10 %.3f  nDCG@10 %.3f%n%n",
                set.name(), n, p5 / n, bestP5 / n, r10 / n, ndcg / n);
        int caught = 0;
        List<String[]> duplicates = rows(set.name() + "/duplicates.tsv");
        Map<String, String> numberOf = new HashMap<>();
        labels.forEach((number, label) -> numberOf.put(label, number));
        for (String[] pair : duplicates) {
            Report r = reports.get(pair[0]);
            List<String> found = similar.find(r.title() + " " + r.description(), r.village(), 3, 10, leader).stream()
                    .map(SimilarCases.Match::number).filter(num -> !num.equals(numberOf.get(pair[0]))).limit(5).toList();
            boolean caughtIt = found.contains(numberOf.get(pair[1]));
            System.out.printf("duplicate %s of %s: %s (top 5: %s)%n", pair[0], pair[1], caughtIt ? "caught" : "MISSED",
                    found.stream().map(labels::get).map(l -> l.replaceAll(":.*", "")).toList());
            caught += caughtIt ? 1 : 0;
        }
        System.out.printf("%s: duplicates caught: %d of %d%n", set.name(), caught, duplicates.size());
        assertThat(ndcg / n).as(set.name() + " mean nDCG@10").isGreaterThanOrEqualTo(set.ndcg10());
        assertThat(r10 / n).as(set.name() + " mean recall@10").isGreaterThanOrEqualTo(set.recall10());
        assertThat(p5 / n).as(set.name() + " mean precision@5").isGreaterThanOrEqualTo(set.precision5());
        assertThat(caught).as(set.name() + " duplicates caught of " + duplicates.size()).isGreaterThanOrEqualTo(set.duplicatesCaught());
    }

    static double ndcg(List<String> ranked, Set<String> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / (Math.log(i + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / (Math.log(i + 2) / Math.log(2));
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /**
     * Writes the demo county's cases (as PostgreSQL holds them), the set's reports and the generated ones
     * into the set's index; returns each document's label by case number: the set's id (R01), D:title for a
     * demo case, X:n for a generated one.
     */
    private Map<String, String> fill(SearchIndex index, TestSet set, Map<String, Report> reports) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        List<CaseDocument> docs = new ArrayList<>();
        List<CaseRecord> demo = cases.page(0, demoCases);
        Set<String> demoTitles = tsv("demo/reports.tsv").stream().map(r -> r[1]).collect(Collectors.toSet());
        assertThat(demo).as("the demo county's cases come first").hasSize(demoCases)
                .allMatch(c -> demoTitles.contains(c.title()));
        for (CaseDocument d : documents.of(demo)) {
            docs.add(d);
            labels.put(d.number(), "D:" + d.title() + ":" + d.villageCode());
        }
        OffsetDateTime at = OffsetDateTime.parse("2026-01-05T09:00:00+08:00");
        for (Report r : reports.values()) {
            String number = "REL-" + set.name() + "-" + r.id();
            docs.add(document(number, r.category(), r.village(), r.title(), r.description(), at));
            labels.put(number, r.id());
        }
        // the villages with a place on the map (other tests import villages without coordinates)
        List<String> villages = regions.all().stream().filter(r -> r.level().equals("village") && r.lat() != null)
                .map(Region::code).sorted().toList();
        List<RelevanceDistractors.Distractor> distractors = RelevanceDistractors.generate(DISTRACTORS, villages, ROADS_JUDGED_IN);
        assertNoDistractorAnswersAQuery(set, distractors);
        for (int i = 0; i < distractors.size(); i++) {
            RelevanceDistractors.Distractor x = distractors.get(i);
            String number = "REL-X-" + i;
            docs.add(document(number, x.category(), x.village(), x.title(), x.description(), at.minusHours(7L * i)));
            labels.put(number, "X:" + i);
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        docs.forEach(d -> bulk.operations(CaseDocuments.write(index.alias(), d)));
        BulkResponse response = client.bulk(bulk.build());
        assertThat(response.errors()).as("bulk indexing").isFalse();
        client.indices().refresh(r -> r.index(index.alias()));
        return labels;
    }

    /** No generated report may contain a judged query's words, or their synonyms, where the query looks. */
    private void assertNoDistractorAnswersAQuery(TestSet set, List<RelevanceDistractors.Distractor> distractors) throws IOException {
        for (String[] q : rows(set.name() + "/queries.tsv")) {
            PlaceNames.Parsed parsed = placeNames.parse(q[1]);
            List<String> words = new ArrayList<>(List.of(parsed.words().strip()));
            words.addAll(synonyms.variants(parsed.words().strip()));
            for (RelevanceDistractors.Distractor x : distractors) {
                if (parsed.regionCode() == null || regions.pathOf(x.village()).contains(parsed.regionCode())) {
                    assertThat(x.title() + x.description()).as("a generated report answers " + q[1]).doesNotContain(words.toArray(String[]::new));
                }
            }
        }
    }

    /** A fresh, unworked report as the index holds one (no handling yet). */
    private CaseDocument document(String number, String category, String villageCode, String title, String description,
                                  OffsetDateTime at) {
        Region village = regions.find(villageCode).orElseThrow();
        Region township = regions.find(village.parentCode()).orElseThrow();
        String categoryName = categories.find(category).map(Category::nameZh).orElseThrow();
        return new CaseDocument(number, title, description, category, categoryName, village.code(), village.name(),
                township.code(), township.name(), List.of(township.parentCode(), township.code(), village.code()),
                "received", null, null, "relevance-judge", false, 0,
                village.lat() == null ? null : new CaseDocument.GeoPoint(village.lat(), village.lon()),
                null, at, at, null, null, null, false,
                new CaseDocument.Handling(null, null, false, false, null, 0, 0, 0, null), 1);
    }

    /** The demo cases judged relevant to each query (relevance/demo.tsv), by their labels; a village column limits to it. */
    private Map<String, Set<String>> demoJudgements(Map<String, String> labels) throws IOException {
        Map<String, Set<String>> judged = new HashMap<>();
        for (String[] row : rows("demo.tsv")) {
            Set<String> titles = Arrays.stream(row[2].split("\\s*,\\s*")).filter(t -> !t.isBlank()).collect(Collectors.toSet());
            judged.put(row[0], labels.values().stream().filter(l -> l.startsWith("D:"))
                    .filter(l -> titles.contains(l.split(":")[1]) && (row[1].isBlank() || l.endsWith(":" + row[1])))
                    .collect(Collectors.toSet()));
        }
        return judged;
    }

    private void drop(SearchIndex index) throws IOException {
        if (client.indices().existsAlias(a -> a.name(index.alias())).value()) {
            for (String name : index.currentIndices()) {
                client.indices().delete(d -> d.index(name));
            }
        }
        index.forget();
    }

    private static Map<String, Report> reports(TestSet set) throws IOException {
        Map<String, Report> reports = new LinkedHashMap<>();
        for (String[] r : rows(set.name() + "/reports.tsv")) {
            reports.put(r[0], new Report(r[0], r[1], r[2], r[3], r[4]));
        }
        return reports;
    }

    private static List<String[]> rows(String file) throws IOException {
        return tsv("relevance/" + file);
    }

    private static List<String[]> tsv(String classpath) throws IOException {
        String text = new ClassPathResource(classpath).getContentAsString(StandardCharsets.UTF_8);
        return text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
    }
}
