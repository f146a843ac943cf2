package cn.minqing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/** The HTTP search benchmark's corpus endpoint: bench mode only, admins only, bad input named field by field. */
@TestPropertySource(properties = "minqing.bench.enabled=true")
class SearchCorpusApiTest extends ApiTest {

    private static final String PATH = "/api/admin/bench/search-cases";

    @Test
    void badInputIsNamedFieldByFieldAndNothingIsWritten() {
        ResponseEntity<JsonNode> r = post("admin", PATH + "?first=-1&count=0", null);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(r.getBody().toString()).contains("first").contains("count");
        assertThat(get("admin", "/api/search?q=QS-BENCH-0").getBody().toString()).doesNotContain("QS-BENCH-0\"");
    }

    @Test
    void onlyAdminsWriteCases() {
        for (String user : new String[] {"villager1", "grid1", "township1", "leader1"}) {
            assertThat(post(user, PATH + "?first=0&count=5", null).getStatusCode().value()).as(user).isEqualTo(403);
        }
    }

    @Test
    void writtenCasesAreSearchableWithinScope() {
        ResponseEntity<JsonNode> r = post("admin", PATH + "?first=900000&count=60", null);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody().path("written").asInt()).isEqualTo(60);
        assertThat(r.getBody().path("documents").asLong()).isGreaterThanOrEqualTo(60);
        JsonNode leader = get("leader1", "/api/search?size=100&category=water").getBody();
        JsonNode township = get("township1", "/api/search?size=100&category=water").getBody();
        assertThat(leader.path("total").asLong()).isGreaterThan(township.path("total").asLong());
        township.path("hits").forEach(hit -> assertThat(hit.path("townshipName").asText()).isNotEqualTo("QS02"));
    }

    /** searchperf8's A/B switch: admins only, a bad value named, and both shapes answer a search the same. */
    @Test
    void theRequestShapeIsSwitchedByAdminsOnlyAndBothShapesAnswerTheSame() {
        String shape = "/api/admin/bench/search-shape";
        for (String user : new String[] {"villager1", "grid1", "township1", "leader1"}) {
            assertThat(post(user, shape + "?single=true", null).getStatusCode().value()).as(user).isEqualTo(403);
        }
        ResponseEntity<JsonNode> bad = post("admin", shape + "?single=maybe", null);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(bad.getBody().toString()).contains("single");
        post("admin", PATH + "?first=910000&count=200", null);
        for (String user : new String[] {"leader1", "township1", "villager1"}) {
            for (String path : new String[] {"/api/search?size=5&q=自来水", "/api/search?size=5&q=路灯不亮",
                    "/api/search?size=5&q=自来谁", "/api/search?size=5&q=办事难", "/api/search?size=5&sort=newest&category=water",
                    "/api/search?size=5&status=open&q=水管", "/api/search?size=3&q=自来水&after=1&after=QS-BENCH-910000",
                    "/api/cases/similar?villageCode=QS01001&text=三组的自来水好几天了没人管"}) {
                String q = path;
                try {
                    // the suite's index is live (other tests file and move cases, which moves scores): the split
                    // answer is compared with the single one read just before and just after it, once both agree
                    JsonNode split = null;
                    JsonNode single = null;
                    for (int attempt = 0; attempt < 5; attempt++) {
                        JsonNode before = get(user, path).getBody();
                        assertThat(post("admin", shape + "?single=false", null).getStatusCode().value()).isEqualTo(200);
                        split = get(user, path).getBody();
                        assertThat(post("admin", shape + "?single=true", null).getStatusCode().value()).isEqualTo(200);
                        single = get(user, path).getBody();
                        if (single.equals(before)) {
                            break;
                        }
                    }
                    assertThat(split).as(user + " " + q).isEqualTo(single);
                    if (path.contains("q=自来水")) {
                        assertThat(split.path("facets").path("category").size()).as(user + " " + q + " facets").isGreaterThan(0);
                    }
                } finally {
                    post("admin", shape + "?single=true", null); // the default shape
                }
            }
        }
    }

    /** searchcost9's A/B switch: admins only, a bad value named, and each clause shape keeps the searcher's scope. */
    @Test
    void theRewriteClausesAreSwitchedByAdminsOnlyAndEachKeepsScope() {
        String clauses = "/api/admin/bench/rewrite-clauses";
        for (String user : new String[] {"villager1", "grid1", "township1", "leader1"}) {
            assertThat(post(user, clauses + "?lean=false", null).getStatusCode().value()).as(user).isEqualTo(403);
        }
        ResponseEntity<JsonNode> bad = post("admin", clauses + "?lean=maybe", null);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(bad.getBody().toString()).contains("lean");
        post("admin", PATH + "?first=920000&count=200", null);
        try {
            for (boolean lean : new boolean[] {false, true}) {
                assertThat(post("admin", clauses + "?lean=" + lean, null).getStatusCode().value()).isEqualTo(200);
                for (String q : new String[] {"上不了网", "自来水", "吃水难", "工钱没给"}) {
                    JsonNode leader = get("leader1", "/api/search?size=100&q=" + q).getBody();
                    JsonNode township = get("township1", "/api/search?size=100&q=" + q).getBody();
                    assertThat(leader.path("total").asLong()).as(q + " lean=" + lean).isGreaterThan(0)
                            .isGreaterThanOrEqualTo(township.path("total").asLong());
                    township.path("hits").forEach(hit -> assertThat(hit.path("townshipName").asText())
                            .as(q + " lean=" + lean).isNotEqualTo("QS02"));
                    JsonNode villager = get("villager1", "/api/search?size=100&q=" + q).getBody();
                    villager.path("hits").forEach(hit -> assertThat(hit.path("number").asText())
                            .as("a villager sees only their own cases").doesNotStartWith("QS-BENCH"));
                }
            }
        } finally {
            post("admin", clauses + "?lean=true", null); // the default
        }
    }
}
