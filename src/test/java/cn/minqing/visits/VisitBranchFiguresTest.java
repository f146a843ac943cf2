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
 * 民情走访 per 党支部: the households the branch's party members serve, their visits and the needs found, in the API
 * ({@code groupBy=branch}), on the dashboard and in the monthly report; each role sees the branches of its region only.
 */
class VisitBranchFiguresTest extends ApiTest {

    private static final String VILLAGE = "QS03003";
    private static final String BRANCH = VILLAGE + "-PB";
    private static final String MEMBER = "dangyuan-" + VILLAGE + "-2";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String PERIOD = "from=" + TODAY.minusDays(1) + "&to=" + TODAY.plusDays(1);

    @Test
    void aVisitAndItsNeedCountForTheBranchOfTheVisitingPartyMember() {
        JsonNode before = row(figures("leader1", "QS03"), BRANCH);
        long id = get(MEMBER, "/api/households?mine=true").getBody().get(0).get("id").asLong();
        assertThat(post(MEMBER, "/api/visits", Map.of("household", id, "visitedAt", OffsetDateTime.now().toString(),
                "needs", List.of(Map.of("title", "屋顶漏雨", "description", "下雨天屋顶漏雨", "category", "housing"))))
                .getStatusCode().value()).isEqualTo(201);

        JsonNode after = row(figures("leader1", "QS03"), BRANCH);
        assertThat(after.get("name").asText()).endsWith("党支部");
        assertThat(after.get("households").asLong()).isGreaterThanOrEqualTo(7); // H1–H7: both party members' households
        assertThat(after.get("visits").asLong()).isEqualTo(before.get("visits").asLong() + 1);
        assertThat(after.get("needsFromVisits").asLong()).isEqualTo(before.get("needsFromVisits").asLong() + 1);
        assertThat(after.get("householdsCovered").asLong()).isPositive();
        assertThat(after.path("casesFromVillagers").isNumber()).isFalse(); // a villager's report is the village's
        // the branch's rows add up to what its party members' rows say
        long members = 0;
        for (JsonNode r : figures("leader1", VILLAGE, "partyMember")) {
            members += r.get("households").asLong();
        }
        assertThat(after.get("households").asLong()).isEqualTo(members);
    }

    @Test
    void eachRoleSeesOnlyTheBranchesOfItsRegion() {
        assertThat(codes(figures("admin", null))).contains(BRANCH);
        assertThat(codes(figures("leader1", null))).contains(BRANCH, "QS01001-PB");
        assertThat(codes(figures("staff-QS03", null))).contains(BRANCH).doesNotContain("QS01001-PB");
        assertThat(codes(figures("grid-" + VILLAGE, null))).contains(BRANCH).doesNotContain("QS01001-PB");
        assertThat(codes(figures("township1", null))).doesNotContain(BRANCH);
        assertThat(codes(figures("grid1", null))).contains("QS01001-PB").doesNotContain(BRANCH);
        assertThat(get("grid1", "/api/stats/visits?groupBy=branch&region=" + VILLAGE + "&" + PERIOD)
                .getBody().get("errors").findValuesAsText("field")).containsExactly("region");
        for (String user : List.of(MEMBER, "villager1", "cunmin-" + VILLAGE + "-1")) {
            assertThat(get(user, "/api/stats/visits?groupBy=branch&" + PERIOD).getStatusCode().value()).as(user).isEqualTo(403);
        }
        JsonNode wrong = get("leader1", "/api/stats/visits?groupBy=branches&" + PERIOD).getBody();
        assertThat(wrong.get("errors").findValuesAsText("field")).containsExactly("groupBy");
        assertThat(wrong.toString()).contains("branch（党支部）");
    }

    @Test
    void theDashboardAndTheMonthlyReportShowTheBranches() throws Exception {
        String township = as("leader1").getForEntity("/dashboard?region=QS03&" + PERIOD, String.class).getBody();
        assertThat(township).contains("id=\"visit-branches\"", "民情走访（按党支部）", "id=\"visit-branches-table\"",
                "/households?village=" + VILLAGE);
        // the cases behind the visit figures are those found on visits
        assertThat(township).contains("channel=visit");
        String otherTownship = as("leader1").getForEntity("/dashboard?region=QS01&" + PERIOD, String.class).getBody();
        assertThat(otherTownship).contains("id=\"visit-branches-table\"", "/households?village=QS01001")
                .doesNotContain("/households?village=" + VILLAGE);
        byte[] pdf = as("leader1").getForEntity("/api/reports/monthly?month=" + YearMonth.from(TODAY) + "&region=QS03",
                byte[].class).getBody();
        String text = text(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("民情走访（按党支部）", "个党支部的党员联系农户", "党支部：联系");
    }

    private JsonNode figures(String user, String region) {
        return figures(user, region, "branch");
    }

    private JsonNode figures(String user, String region, String groupBy) {
        JsonNode body = get(user, "/api/stats/visits?groupBy=" + groupBy + (region == null ? "" : "&region=" + region)
                + "&" + PERIOD).getBody();
        assertThat(body.isArray()).as(user + ": " + body).isTrue();
        return body;
    }

    private static List<String> codes(JsonNode rows) {
        return rows.findValuesAsText("code");
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
