package cn.minqing.visits;

import static cn.minqing.support.PdfText.text;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The visit figures as indicators of the library: per grid and per party member, on the leaders' dashboard and in
 * the monthly report (text extracted from the PDF).
 */
class VisitIndicatorsTest extends ApiTest {

    private static final String VILLAGE = "QS01006";
    private static final String MEMBER = "dangyuan-QS01006-1";
    private static final String GRID = "grid-QS01006";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String PERIOD = "from=" + TODAY.minusDays(1) + "&to=" + TODAY.plusDays(1);

    @Test
    void theLibraryDefinesTheVisitIndicators() {
        JsonNode library = get("leader1", "/api/stats/indicator-definitions").getBody();
        List<String> visits = library.findParents("code").stream()
                .filter(d -> d.get("appliesTo").asText().equals("visits")).map(d -> d.get("code").asText()).toList();
        assertThat(visits).containsExactly("visitHouseholdsCovered", "visitCoverage", "visitOnScheduleRate",
                "visitNeedShare", "visitCasesSolvedRate");
        assertThat(library.findValuesAsText("appliesTo")).contains("cases", "stage", "plans", "visits");
    }

    @Test
    void perPartyMemberAndPerGridAVisitAndItsNeedCountForTheHouseholdsServer() {
        JsonNode before = row(get("leader1", "/api/stats/visits?groupBy=partyMember&region=" + VILLAGE + "&" + PERIOD).getBody(), MEMBER);
        JsonNode gridBefore = row(get("leader1", "/api/stats/visits?groupBy=grid&region=QS01&" + PERIOD).getBody(), GRID);
        long id = get(MEMBER, "/api/households?mine=true").getBody().get(0).get("id").asLong();
        assertThat(post(MEMBER, "/api/visits", Map.of("household", id, "visitedAt", OffsetDateTime.now().toString(),
                "needs", List.of(Map.of("title", "院墙倒塌", "description", "雨后院墙倒了一段", "category", "housing"))))
                .getStatusCode().value()).isEqualTo(201);

        JsonNode after = row(get("leader1", "/api/stats/visits?groupBy=partyMember&region=" + VILLAGE + "&" + PERIOD).getBody(), MEMBER);
        assertThat(after.get("name").asText()).isNotBlank();
        assertThat(after.get("households").asLong()).isGreaterThanOrEqualTo(4); // H1–H4 of the demo village
        assertThat(after.get("visits").asLong()).isEqualTo(before.get("visits").asLong() + 1);
        assertThat(after.get("needsFromVisits").asLong()).isEqualTo(before.get("needsFromVisits").asLong() + 1);
        assertThat(after.get("householdsCovered").asLong()).isBetween(1L, 4L);
        assertThat(after.get("coverage").asDouble()).isPositive();
        // a villager's own report belongs to a village, not to the party member: no share per person
        assertThat(after.path("casesFromVillagers").isNumber()).isFalse();
        assertThat(after.path("visitShareOfNeeds").isNumber()).isFalse();

        JsonNode gridAfter = row(get("leader1", "/api/stats/visits?groupBy=grid&region=QS01&" + PERIOD).getBody(), GRID);
        assertThat(gridAfter.get("households").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(gridAfter.get("visits").asLong()).isEqualTo(gridBefore.get("visits").asLong() + 1);

        JsonNode wrong = get("leader1", "/api/stats/visits?groupBy=household&" + PERIOD).getBody();
        assertThat(wrong.get("errors").findValuesAsText("field")).containsExactly("groupBy");
        assertThat(get(MEMBER, "/api/stats/visits?groupBy=partyMember&" + PERIOD).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theDashboardShowsTheVisitSectionOneLevelDown() {
        String county = as("leader1").getForEntity("/dashboard?" + PERIOD, String.class).getBody();
        assertThat(county).contains("id=\"visit-figures\"", "走访覆盖率", "按时走访率", "走访发现诉求占比", "走访诉求解决率",
                "data-code=\"visitCoverage\"", "石门镇");
        String township = as("leader1").getForEntity("/dashboard?region=QS01&" + PERIOD, String.class).getBody();
        assertThat(township).contains("id=\"visit-figures-table\"", "/households?village=" + VILLAGE);
        String village = as("leader1").getForEntity("/dashboard?region=" + VILLAGE + "&" + PERIOD, String.class).getBody();
        assertThat(village).contains("联户党员", "/households?village=" + VILLAGE);
    }

    @Test
    void theMonthlyReportHasAVisitSection() throws Exception {
        long id = get(MEMBER, "/api/households?mine=true").getBody().get(1).get("id").asLong();
        post(MEMBER, "/api/visits", Map.of("household", id, "visitedAt", OffsetDateTime.now().toString(), "needs", List.of()));
        YearMonth month = YearMonth.from(TODAY);
        byte[] pdf = as("leader1").getForEntity("/api/reports/monthly?month=" + month + "&region=QS01", byte[].class).getBody();
        String text = text(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("、民情走访", "在册农户", "走访覆盖率", "按时走访率", "走访发现诉求", "走访诉求解决率", "联户党员");
    }

    private static JsonNode row(JsonNode rows, String code) {
        for (JsonNode row : rows) {
            if (row.get("code").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no " + code + " in " + rows);
    }
}
