package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.intake.CaseFiling;
import cn.minqing.intake.CaseReport;
import cn.minqing.people.Role;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.springframework.web.util.UriComponentsBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Search quality on judged test sets (src/test/resources/relevance/): reports written the way
 * villagers write and queries the way cadres type, each with its relevant reports. Prints
 * precision@5, recall@10 and nDCG@10 per query and on average, and the near-duplicates the
 * similar-case finder catches, and fails below each set's floors. The holdout set was written
 * after the search was tuned on the other, so its figures are the honest ones.
 */
class RelevanceTest extends ApiTest {

    /** A judged set and the floors it must reach (set just under what it reached when written). */
    record TestSet(String name, double ndcg10, double recall10, double precision5, double duplicates) {
    }

    // many queries have fewer than five relevant reports: the best possible mean precision@5 is 0.58-0.60
    static final TestSet TUNING = new TestSet("tuning", 0.90, 0.93, 0.50, 0.80);
    static final TestSet HOLDOUT = new TestSet("holdout", 0.85, 0.83, 0.48, 0.75);

    @Autowired
    CaseFiling filing;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

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
        String judge = "relevance-" + set.name();
        Map<String, Report> reports = reports(set);
        Map<String, String> numbers = fileAll(reports, judge);
        Map<String, String> idOf = new HashMap<>();
        numbers.forEach((id, number) -> idOf.put(number, id));

        double p5 = 0, r10 = 0, ndcg = 0;
        List<String[]> queries = rows(set, "queries.tsv");
        System.out.printf("%nrelevance set %s%n%-4s %-16s %5s %5s %7s%n", set.name(), "qid", "query", "P@5", "R@10", "nDCG@10");
        for (String[] q : queries) {
            Set<String> relevant = new HashSet<>(Arrays.asList(q[2].split("\\s*,\\s*")));
            List<String> ranked = as(judge).getForEntity(uri("/api/search", "size", "10", "q", q[1]), JsonNode.class).getBody().get("hits")
                    .findValuesAsText("number").stream().map(idOf::get).filter(id -> id != null).toList();
            double qp5 = ranked.stream().limit(5).filter(relevant::contains).count() / 5.0;
            double qr10 = ranked.stream().limit(10).filter(relevant::contains).count() / (double) relevant.size();
            double qndcg = ndcg(ranked, relevant, 10);
            System.out.printf("%-4s %-16s %5.2f %5.2f %7.2f%n", q[0], q[1], qp5, qr10, qndcg);
            p5 += qp5;
            r10 += qr10;
            ndcg += qndcg;
        }
        int n = queries.size();
        System.out.printf("mean over %d queries: precision@5 %.3f  recall@10 %.3f  nDCG@10 %.3f%n%n", n, p5 / n, r10 / n, ndcg / n);
        int caught = 0;
        List<String[]> duplicates = rows(set, "duplicates.tsv");
        for (String[] pair : duplicates) {
            Report r = reports.get(pair[0]);
            List<String> similar = as("admin").getForEntity(uri("/api/cases/similar", "villageCode", r.village(),
                    "text", r.title() + " " + r.description()), JsonNode.class).getBody().findValuesAsText("number");
            boolean found = similar.stream().filter(num -> !num.equals(numbers.get(pair[0]))).limit(5)
                    .anyMatch(num -> num.equals(numbers.get(pair[1])));
            System.out.printf("duplicate %s of %s: %s%n", pair[0], pair[1], found ? "caught" : "MISSED");
            caught += found ? 1 : 0;
        }
        System.out.printf("%s: duplicates caught: %d of %d%n", set.name(), caught, duplicates.size());
        assertThat(ndcg / n).as(set.name() + " mean nDCG@10").isGreaterThanOrEqualTo(set.ndcg10());
        assertThat(r10 / n).as(set.name() + " mean recall@10").isGreaterThanOrEqualTo(set.recall10());
        assertThat(p5 / n).as(set.name() + " mean precision@5").isGreaterThanOrEqualTo(set.precision5());
        assertThat(caught / (double) duplicates.size()).as(set.name() + " duplicates caught")
                .isGreaterThanOrEqualTo(set.duplicates());
    }

    private static URI uri(String path, String... params) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i < params.length; i += 2) {
            b.queryParam(params[i], params[i + 1]);
        }
        return b.encode().build().toUri();
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

    /** Files the set as its own villager account, so searching as that account sees exactly the set. */
    private Map<String, String> fileAll(Map<String, Report> reports, String judgeName) {
        if (!accounts.exists(judgeName)) {
            accounts.create(judgeName, encoder.encode(PASSWORD), "评测员", Set.of(Role.VILLAGER), "QS01001", null);
        }
        var judge = accounts.find(judgeName).orElseThrow().user();
        Map<String, String> numbers = new LinkedHashMap<>();
        reports.values().forEach(r -> numbers.put(r.id(), filing.file(new CaseReport(r.title(), r.description(),
                r.category(), r.village(), null, null, null, false, null), judge, null).number()));
        await(Duration.ofSeconds(30), "admin", "/actuator/health",
                h -> h.at("/components/searchOutbox/details/backlog").asLong() == 0);
        sleep(1500); // one refresh interval
        return numbers;
    }

    private static Map<String, Report> reports(TestSet set) throws IOException {
        Map<String, Report> reports = new LinkedHashMap<>();
        for (String[] r : rows(set, "reports.tsv")) {
            reports.put(r[0], new Report(r[0], r[1], r[2], r[3], r[4]));
        }
        return reports;
    }

    private static List<String[]> rows(TestSet set, String file) throws IOException {
        String text = new ClassPathResource("relevance/" + set.name() + "/" + file).getContentAsString(StandardCharsets.UTF_8);
        return text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).toList();
    }

}
