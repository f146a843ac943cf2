package cn.minqing.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.cases.Cases;
import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The holiday calendar as data: admins enter a year, open cases' deadlines, timers and tasks move with
 * it, bad entries are all named at once, and a missing year is warned about. Uses 2031, which no other
 * test needs, and leaves it as it found it.
 */
class CalendarApiTest extends ApiTest {

    private static final int YEAR = 2031;
    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    @Autowired
    Calendars calendars;
    @Autowired
    Cases cases;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService taskService;

    private List<CalendarDay> original;

    @BeforeEach
    void rememberTheYear() {
        original = calendars.days(YEAR).orElse(null);
    }

    @AfterEach
    void restoreTheYear() {
        ClockUtil.reset();
        if (original == null) {
            as("admin").exchange("/api/admin/calendar/" + YEAR, HttpMethod.DELETE, null, JsonNode.class);
        } else {
            assertThat(put(YEAR, original.stream().map(d -> entry(d.date().toString(), d.kind(), d.name())).toList())
                    .getStatusCode().value()).isEqualTo(200);
        }
    }

    @Test
    void enteringAYearMovesAnOpenCasesDeadlineTimersAndTask() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-03T02:00:00Z"))); // Monday 10:00 in Beijing
        String number = file("villager1", "水渠堵塞", "村口水渠被垃圾堵住，雨天漫到路上。", "water");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "general"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        // 7 working days from Monday 3 March: due Wednesday 12 March, 10:00
        assertThat(resolveDue(number)).isEqualTo(OffsetDateTime.parse("2031-03-12T10:00+08:00").toInstant());
        String pi = cases.find(number).orElseThrow().processInstanceId();

        ResponseEntity<JsonNode> entered = put(YEAR, List.of(
                entry("2031-01-01", "holiday", "元旦"),
                entry("2031-03-05", "holiday", "测试假日"),
                entry("2031-03-08", "workday", "测试调休上班")));
        assertThat(entered.getStatusCode().value()).as(String.valueOf(entered.getBody())).isEqualTo(200);
        assertThat(entered.getBody().findValuesAsText("date")).containsExactly("2031-01-01", "2031-03-05", "2031-03-08");

        // Wednesday 5 March is off and Saturday 8 March is worked: still seven working days, due Wednesday 12 March
        assertThat(resolveDue(number)).isEqualTo(OffsetDateTime.parse("2031-03-12T10:00+08:00").toInstant());
        put(YEAR, List.of(entry("2031-01-01", "holiday", "元旦"), entry("2031-03-05", "holiday", "测试假日")));
        Instant moved = OffsetDateTime.parse("2031-03-13T10:00+08:00").toInstant();
        assertThat(resolveDue(number)).as("one working day later").isEqualTo(moved);

        JsonNode timeline = get("admin", "/api/cases/" + number + "/timeline").getBody();
        List<String> notes = new ArrayList<>();
        timeline.forEach(e -> {
            if (e.get("kind").asText().equals("deadline-moved")) {
                notes.add(e.get("note").asText());
            }
        });
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0)).contains("2031-03-12 10:00", "2031-03-13 10:00", "2031年");

        assertThat(timerDue(pi, "deadlinePassed")).isEqualTo(moved);
        Instant warnAt = cases.find(number).orElseThrow().handling().warnAt().toInstant();
        assertThat(timerDue(pi, "deadlineWarning")).isEqualTo(warnAt).isBefore(moved)
                .isAfter(Instant.parse("2031-03-10T00:00:00Z"));
        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("investigate").singleResult()
                .getDueDate().toInstant()).isEqualTo(moved);

        // removing the year again (the test's clean-up) moves the deadline back
        assertThat(as("admin").exchange("/api/admin/calendar/" + YEAR, HttpMethod.DELETE, null, JsonNode.class)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(resolveDue(number)).isEqualTo(OffsetDateTime.parse("2031-03-12T10:00+08:00").toInstant());
        assertThat(timerDue(pi, "deadlinePassed")).isEqualTo(OffsetDateTime.parse("2031-03-12T10:00+08:00").toInstant());
        assertThat(get("admin", "/api/admin/calendar?year=" + YEAR).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void badEntriesAreAllReportedAtOnceAndNothingIsStored() {
        ResponseEntity<JsonNode> refused = put(YEAR, List.of(
                entry("2030-12-31", "holiday", "元旦"),
                entry("2031-03-05", "workday", "调休"),
                entry("2031-13-01", "holiday", "假日"),
                entry("2031-05-01", "vacation", " "),
                entry("2031-05-02", "holiday", "劳".repeat(31)),
                entry("2031-05-02", "holiday", "劳动节"),
                entry(null, "holiday", "劳动节")));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "[0].date", "[1].kind", "[2].date", "[3].kind", "[3].name", "[4].name", "[5].date", "[6].date");
        assertThat(refused.getBody().get("errors").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains("2031-03-05", "周末"))
                .anySatisfy(m -> assertThat(m).contains("2030-12-31", "2031"));
        assertThat(get("admin", "/api/admin/calendar?year=" + YEAR).getStatusCode().value()).isEqualTo(404);

        assertThat(put(1999, List.of(entry("1999-10-01", "holiday", "国庆节"))).getBody().get("errors")
                .findValuesAsText("field")).containsExactly("year");
        assertThat(put(YEAR, List.of()).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void onlyAdminsSeeOrChangeTheCalendar() {
        for (String user : List.of("villager1", "grid1", "township1", "leader1")) {
            assertThat(get(user, "/api/admin/calendar").getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(as(user).exchange("/api/admin/calendar/" + YEAR, HttpMethod.PUT,
                    new HttpEntity<>(List.of(entry("2031-01-01", "holiday", "元旦"))), JsonNode.class)
                    .getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(as(user).exchange("/api/admin/calendar/2026", HttpMethod.DELETE, null, JsonNode.class)
                    .getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(calendars.days(2026)).isPresent();
    }

    @Test
    void theShippedYearIsSeededOnceAndNeverOverwritesAnAdminsYear() {
        JsonNode y2026 = get("admin", "/api/admin/calendar?year=2026").getBody();
        assertThat(y2026.findValuesAsText("date")).contains("2026-10-01", "2026-10-10");
        JsonNode overview = get("admin", "/api/admin/calendar").getBody();
        assertThat(overview.get("years").findValuesAsText("source")).isNotEmpty();
        assertThat(overview.at("/coverage/knownYears").toString()).contains("2026");
        assertThat(calendars.seed(2026, List.of())).as("already there").isFalse();

        put(YEAR, List.of(entry("2031-01-01", "holiday", "元旦")));
        assertThat(calendars.seed(YEAR, List.of(new CalendarDay(java.time.LocalDate.of(2031, 5, 1), "holiday", "劳动节"))))
                .isFalse();
        assertThat(calendars.days(YEAR).orElseThrow()).extracting(CalendarDay::name).containsExactly("元旦");
    }

    @Test
    void aMissingYearIsWarnedWithoutTakingTheAppDown() {
        JsonNode health = get("admin", "/actuator/health").getBody().at("/components/calendar");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.at("/details/knownYears").toString()).contains("2026");
        assertThat(health.at("/details/status").asText()).isIn("OK", "MISSING_NEXT_YEAR", "MISSING_CURRENT_YEAR");
        assertThat(health.at("/details/missingYears").isArray()).isTrue();

        put(YEAR, List.of(entry("2031-01-01", "holiday", "元旦")));
        assertThat(healthOn("2031-10-31").getDetails()).containsEntry("status", "OK").containsEntry("missingYears", List.of());
        Health november = healthOn("2031-11-01");
        assertThat(november.getStatus()).isEqualTo(Status.UP);
        assertThat(november.getDetails()).containsEntry("status", "MISSING_NEXT_YEAR")
                .containsEntry("missingYears", List.of(2032));
        Health nextJanuary = healthOn("2032-01-10");
        assertThat(nextJanuary.getStatus()).isEqualTo(Status.UP);
        assertThat(nextJanuary.getDetails()).containsEntry("status", "MISSING_CURRENT_YEAR")
                .containsEntry("missingYears", List.of(2032));
    }

    @Test
    void theAdminPageShowsTheYearsAndTakesAYearsFile() {
        ResponseEntity<String> page = as("admin").getForEntity("/admin", String.class);
        assertThat(page.getBody()).contains("id=\"calendar\"", "data-year=\"2026\"", "导入节假日");
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(csrf.find()).isTrue();

        String refused = "date,kind,name\n2031-01-01,holiday,元旦\n2031-03-05,workday,调休\n";
        assertThat(pageAfter(upload(cookie, csrf.group(1), refused), cookie)).contains("拒绝 1 行", "2031-03-05 不是周六或周日");
        assertThat(calendars.days(YEAR)).isEmpty();

        String good = "# 测试年份\ndate,kind,name\n2031-01-01,holiday,元旦\n2031-01-04,workday,元旦调休上班\n";
        assertThat(pageAfter(upload(cookie, csrf.group(1), good), cookie)).contains("已导入 2 行");
        assertThat(calendars.days(YEAR).orElseThrow()).extracting(CalendarDay::kind).containsExactly("holiday", "workday");
        assertThat(as("admin").getForEntity("/admin", String.class).getBody()).contains("data-year=\"2031\"", "管理员录入");
    }

    private ResponseEntity<String> upload(String cookie, String csrf, String csv) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrf);
        form.add("year", String.valueOf(YEAR));
        form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "cn-2031.csv";
            }
        });
        HttpHeaders headers = cookieHeader(cookie);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as("admin").exchange("/admin/calendar", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    /** The admin page the upload leads to (the client may follow the redirect itself). */
    private String pageAfter(ResponseEntity<String> posted, String cookie) {
        if (posted.getStatusCode().is3xxRedirection()) {
            return as("admin").exchange(posted.getHeaders().getLocation().getPath(), HttpMethod.GET,
                    new HttpEntity<>(cookieHeader(cookie)), String.class).getBody();
        }
        assertThat(posted.getStatusCode().value()).isEqualTo(200);
        return posted.getBody();
    }

    private static HttpHeaders cookieHeader(String cookie) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return headers;
    }

    @Test
    void aYearKnownOnlyByItsStatutoryHolidaysCountsThemAndStaysMissingUntilTheNotice() {
        // 2027: shipped as cn-2027-statutory.csv until the State Council's notice is known
        assertThat(calendars.current().isWorkingDay(java.time.LocalDate.of(2027, 1, 1))).as("元旦 2027").isFalse();
        assertThat(calendars.current().isWorkingDay(java.time.LocalDate.of(2027, 2, 9))).as("春节补假").isFalse();
        assertThat(calendars.current().isWorkingDay(java.time.LocalDate.of(2027, 1, 4))).isTrue();
        Health december = healthOn("2026-12-02");
        assertThat(december.getDetails()).containsEntry("status", "MISSING_NEXT_YEAR")
                .containsEntry("missingYears", List.of(2027)).containsEntry("provisionalYears", List.of(2027));

        int year = 2033;
        try {
            List<CalendarDay> statutory = List.of(new CalendarDay(java.time.LocalDate.of(year, 1, 3), "holiday", "元旦补假"));
            assertThat(calendars.seedStatutory(year, statutory)).isTrue();
            assertThat(calendars.seedStatutory(year, statutory)).as("once").isFalse();
            assertThat(calendars.years()).filteredOn(y -> y.year() == year).singleElement()
                    .satisfies(y -> assertThat(y.provisional()).isTrue());
            List<CalendarDay> notice = List.of(new CalendarDay(java.time.LocalDate.of(year, 1, 3), "holiday", "元旦"),
                    new CalendarDay(java.time.LocalDate.of(year, 1, 8), "workday", "元旦调休上班"));
            assertThat(calendars.seed(year, notice)).as("the notice replaces the statutory days").isTrue();
            assertThat(calendars.days(year).orElseThrow()).extracting(CalendarDay::name).containsExactly("元旦", "元旦调休上班");
            assertThat(calendars.years()).filteredOn(y -> y.year() == year).singleElement()
                    .satisfies(y -> assertThat(y.provisional()).isFalse());
            assertThat(calendars.seedStatutory(year, statutory)).as("never over a notice").isFalse();
        } finally {
            calendars.remove(year);
        }
    }

    private Health healthOn(String day) {
        Clock clock = Clock.fixed(java.time.LocalDate.parse(day).atTime(9, 0).atZone(COUNTY).toInstant(), COUNTY);
        return new CalendarHealth(calendars, clock).health();
    }

    private ResponseEntity<JsonNode> put(int year, List<Map<String, String>> entries) {
        return as("admin").exchange("/api/admin/calendar/" + year, HttpMethod.PUT, new HttpEntity<>(entries), JsonNode.class);
    }

    private static Map<String, String> entry(String date, String kind, String name) {
        Map<String, String> e = new java.util.HashMap<>();
        e.put("date", date);
        e.put("kind", kind);
        e.put("name", name);
        return e;
    }

    private Instant resolveDue(String number) {
        return OffsetDateTime.parse(get("admin", "/api/cases/" + number).getBody().at("/handling/resolveDue").asText()).toInstant();
    }

    private Instant timerDue(String processInstanceId, String timer) {
        return management.createJobQuery().processInstanceId(processInstanceId).activityId(timer).singleResult()
                .getDuedate().toInstant();
    }

}
