package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Scope every time: open-case lists and similar cases answer only within what the caller may see, a merge goes
 * only into a case the merging cadre may see, and region codes cannot be prefixes of a region outside their line.
 */
class ScopeTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aVillagerListsOnlyTheirOwnVillagesOpenCases() {
        file("villager2", "范围测试枫树坪水管", "范围测试：枫树坪村水管破了", "water");
        // without text: the village's open cases (this once answered 500, and must not become a leak)
        assertThat(get("villager1", "/api/cases/similar?villageCode=QS02001").getStatusCode().value()).isEqualTo(403);
        assertThat(get("villager1", "/api/cases/similar?villageCode=QS02001&category=water").getStatusCode().value()).isEqualTo(403);
        assertThat(get("villager1", "/api/cases/similar?villageCode=QS02001&text=水管破了").getStatusCode().value()).isEqualTo(403);
        assertThat(get("grid1", "/api/cases/similar?villageCode=QS02001").getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> own = get("villager2", "/api/cases/similar?villageCode=QS02001&category=water");
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        List<String> theirs = own.getBody().findValuesAsText("number");
        assertThat(theirs).isNotEmpty();
        assertThat(own.getBody().findValuesAsText("villageCode")).containsOnly("QS02001");
        assertThat(own.getBody().findValuesAsText("category")).containsOnly("water");
        assertThat(get("leader1", "/api/cases/similar?villageCode=QS02001").getBody().findValuesAsText("villageCode"))
                .isNotEmpty().containsOnly("QS02001");
        // the report page's list keeps to the same rule: none of 枫树坪村's open cases for a villager of 李家村
        String page = as("villager1").getForObject("/report?villageCode=QS02001&category=water", String.class);
        String pageWithWords = as("villager1").getForObject("/report?villageCode=QS02001&title=水管破了", String.class);
        assertThat(page).contains("<form");
        for (String number : theirs) {
            assertThat(page).doesNotContain(number);
            assertThat(pageWithWords).doesNotContain(number);
        }
    }

    @Test
    void aCountyBureauListsOnlyItsCategories() {
        file("villager1", "范围测试李家村吃水", "范围测试：李家村水管爆了", "water");
        file("villager1", "范围测试李家村路坏", "范围测试：李家村路坏了", "road");
        List<String> bureau = get("county1", "/api/cases/similar?villageCode=QS01001").getBody().findValuesAsText("number");
        assertThat(bureau).isNotEmpty();
        bureau.forEach(this::isTheWaterBureaus);
        get("county1", "/api/cases/similar?villageCode=QS01001&category=road").getBody().findValuesAsText("number")
                .forEach(this::isTheWaterBureaus);
        assertThat(get("township1", "/api/cases/similar?villageCode=QS01001&category=road").getBody().findValuesAsText("number"))
                .isNotEmpty();
        await(Duration.ofSeconds(10), "admin", "/api/search?q=范围测试&size=100",
                r -> r.get("hits").findValuesAsText("title").containsAll(List.of("范围测试李家村吃水", "范围测试李家村路坏")));
        List<String> similar = get("county1", "/api/cases/similar?villageCode=QS01001&text=范围测试 李家村 坏了 爆了")
                .getBody().findValuesAsText("number");
        assertThat(similar).isNotEmpty();
        similar.forEach(this::isTheWaterBureaus);
    }

    /** The water bureau answers for water and irrigation, and for any case handed to it. */
    private void isTheWaterBureaus(String number) {
        record Row(String category, String handlingOrg) {
        }
        Row row = jdbc.sql("select category_code as category, handling_org from minqing.case_record where number = ?")
                .param(number).query(Row.class).single();
        assertThat(List.of("water", "irrigation").contains(row.category()) || "QS-WATER".equals(row.handlingOrg()))
                .as(number + " " + row).isTrue();
    }

    @Test
    void aCadreMergesOnlyIntoACaseTheyMaySee() {
        String elsewhere = file("villager2", "范围测试别村的路", "范围测试：枫树坪村路灯坏了", "road");
        String duplicate = file("villager1", "范围测试重复件", "范围测试：路灯坏了", "road");
        String task = get("grid1", "/api/tasks?caseNumber=" + duplicate).getBody().get(0).get("id").asText();
        ResponseEntity<JsonNode> merged = post("grid1", "/api/tasks/" + task + "/complete",
                Map.of("outcome", "merge", "mergeInto", elsewhere));
        assertThat(merged.getStatusCode().value()).isEqualTo(400);
        assertThat(merged.getBody().toString()).contains("mergeInto");
        assertThat(get("villager2", "/api/cases/" + elsewhere).getBody().get("supporters").asInt()).isZero();
        assertThat(get("villager1", "/api/cases/" + duplicate).getBody().get("status").asText()).isEqualTo("received");
    }

    @Test
    void regionCodesThatArePrefixesOfAnotherLineAreRefused() {
        String csv = """
                code,name,level,parent_code,lat,lon
                QS0,前缀镇,township,QS,,
                QS011,前缀二镇,township,QS,,
                QS0100,前缀村,village,QS01,,
                """;
        JsonNode report = postFile("admin", "/api/admin/import/regions", "prefix.csv", csv.getBytes(StandardCharsets.UTF_8)).getBody();
        assertThat(report.get("imported").asInt()).as(report.toString()).isZero();
        assertThat(report.get("rejected").size()).isEqualTo(3);
        assertThat(report.toString()).contains("互为前缀");
        assertThat(get("admin", "/api/regions?level=township").getBody().findValuesAsText("code")).doesNotContain("QS0", "QS011");
    }

    @Test
    void scopeComparesRegionPathsNotCodePrefixes() {
        CurrentUser township = new CurrentUser("t", "t", Set.of(Role.CADRE), null, "QS1-GOV", "township", "QS1", List.of());
        assertThat(township.mayView(List.of("QS", "QS10", "QS10001"), "someone", "road", null)).isFalse();
        assertThat(township.mayView(List.of("QS", "QS1", "QS1001"), "someone", "road", null)).isTrue();
        CurrentUser leader = new CurrentUser("l", "l", Set.of(Role.LEADER), null, "QS1-CENTRE", "centre", "QS1", List.of());
        assertThat(leader.mayLookAt("QS10001", List.of("QS", "QS10", "QS10001"))).isFalse();
        CurrentUser bureau = new CurrentUser("b", "b", Set.of(Role.CADRE), null, "QS-WATER", "bureau", "QS", List.of("water"));
        assertThat(bureau.mayView(List.of("QS", "QS01", "QS01001"), "someone", "road", null)).isFalse();
        assertThat(bureau.mayView(List.of("QS", "QS01", "QS01001"), "someone", "road", "QS-WATER")).isTrue();
    }
}
