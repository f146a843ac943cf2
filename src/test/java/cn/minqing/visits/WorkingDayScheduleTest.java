package cn.minqing.visits;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.deadlines.Calendars;
import cn.minqing.deadlines.WorkCalendar;
import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 走访周期 in working days: a tag's interval counts the county's working-day calendar (as casework's deadlines) or
 * calendar days; the next visit, the yellow and red flags and the on-schedule figure follow the unit an admin sets.
 */
class WorkingDayScheduleTest extends ApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String VILLAGE = "QS03002";
    private static final String MEMBER = "dangyuan-QS03002-2";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Calendars calendars;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theDatabaseCountsWorkingDaysAsCaseworkDoesOverTheNationalDayWeek() {
        WorkCalendar calendar = calendars.current();
        for (LocalDate day = LocalDate.of(2026, 9, 15); day.isBefore(LocalDate.of(2026, 10, 20)); day = day.plusDays(1)) {
            for (int n : List.of(1, 3, 5, 10)) {
                LocalDateTime local = day.atTime(9, 30);
                OffsetDateTime sql = jdbc.sql("select minqing.plus_working_days(?, ?)")
                        .params(local.atZone(ZONE).toOffsetDateTime(), n).query(OffsetDateTime.class).single();
                assertThat(sql.toInstant()).as(day + " + " + n)
                        .isEqualTo(calendar.plusWorkingDays(local, n).atZone(ZONE).toInstant());
            }
        }
        // the last working day before 国庆 + 1 is the first one after it
        assertThat(jdbc.sql("select minqing.plus_working_days(?, 1)")
                .param(LocalDate.of(2026, 9, 30).atTime(10, 0).atZone(ZONE).toOffsetDateTime())
                .query(OffsetDateTime.class).single().atZoneSameInstant(ZONE).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void onlyAdminsChangeASchedule() {
        String tag = newTag();
        for (String user : List.of("villager1", "grid1", "township1", "county1", "leader1", MEMBER)) {
            assertThat(put(user, "/api/admin/household-tags/" + tag, Map.of("visitIntervalDays", 5,
                    "intervalUnit", "working-days")).getStatusCode().value()).as(user).isEqualTo(403);
        }
        ResponseEntity<JsonNode> bad = put("admin", "/api/admin/household-tags/" + tag,
                Map.of("visitIntervalDays", 0, "intervalUnit", "weeks"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(bad.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("visitIntervalDays", "intervalUnit");
        assertThat(tag(tag).get("intervalUnit").asText()).isEqualTo("calendar-days");
        ResponseEntity<JsonNode> missing = put("admin", "/api/admin/household-tags/" + tag, Map.of());
        assertThat(missing.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("visitIntervalDays", "intervalUnit");
        ResponseEntity<JsonNode> notANumber = put("admin", "/api/admin/household-tags/" + tag,
                Map.of("visitIntervalDays", "每周", "intervalUnit", "working-days"));
        assertThat(notANumber.getStatusCode().value()).isEqualTo(400);
        assertThat(notANumber.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(notANumber.getBody().toString()).doesNotContain("Exception", "jackson");
        assertThat(tag(tag).get("visitIntervalDays").asInt()).isEqualTo(5);
        assertThat(put("admin", "/api/admin/household-tags/no-such-tag", Map.of("visitIntervalDays", 5,
                "intervalUnit", "working-days")).getStatusCode().value()).isEqualTo(404);
        assertThat(tag("alone-elderly").get("intervalUnit").asText()).isEqualTo("calendar-days"); // 独居老人 weekly, by the calendar
    }

    @Test
    void aWorkingDayScheduleFlagsAndCountsByTheCalendar() {
        String tag = newTag();
        JsonNode changed = put("admin", "/api/admin/household-tags/" + tag,
                Map.of("visitIntervalDays", 5, "intervalUnit", "working-days")).getBody();
        assertThat(changed.get("intervalUnit").asText()).isEqualTo("working-days");
        assertThat(get("admin", "/api/admin/audit?action=household.tag.schedule").getBody().toString()).contains(tag);

        String code = "WD" + System.nanoTime() % 1_000_000;
        String csv = "code,village_code,address,head_name,tags,grid_member,party_member\n"
                + code + "," + VILLAGE + ",六组3号,孙大娘," + tag + ",grid-" + VILLAGE + "," + MEMBER + "\n";
        assertThat(postFile("admin", "/api/admin/import/households", "h.csv", csv.getBytes(StandardCharsets.UTF_8))
                .getBody().get("imported").asInt()).isEqualTo(1);
        // recorded on a Wednesday morning (next week's): five working days from a Saturday or Sunday span six or five
        // calendar days, and the suite runs on any day of the county's week
        LocalDate wednesday = LocalDate.now(ZONE).plusDays(1)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.WEDNESDAY));
        jdbc.sql("update minqing.household set created_at = ? where code = ?")
                .params(wednesday.atTime(10, 0).atZone(ZONE).toOffsetDateTime(), code).update();
        JsonNode h = household(code);
        long id = h.get("id").asLong();
        OffsetDateTime recorded = OffsetDateTime.parse(h.get("scheduleStart").asText());
        OffsetDateTime due = OffsetDateTime.parse(h.get("nextVisitDue").asText());
        LocalDateTime local = recorded.atZoneSameInstant(ZONE).toLocalDateTime();
        assertThat(due.toInstant()).isEqualTo(calendars.current().plusWorkingDays(local, 5).atZone(ZONE).toInstant());
        assertThat(h.get("visitIntervalUnit").asText()).isEqualTo("working-days");
        assertThat(Duration.between(recorded, due)).isGreaterThanOrEqualTo(Duration.ofDays(7)); // a weekend at least

        at(recorded.plusDays(5).plusHours(1)); // five calendar days would be overdue; five working days are not
        assertThat(flag(id)).isNotEqualTo("red");
        at(due.minusMinutes(1));
        assertThat(flag(id)).isEqualTo("yellow");
        at(due.plusDays(1).plusHours(1));
        assertThat(flag(id)).isEqualTo("red");
        assertThat(due(id).get("daysOverdue").asInt()).isEqualTo(1);
        assertThat(due(id).get("visitIntervalUnit").asText()).isEqualTo("working-days");

        // a visit six calendar days after the household was recorded is on schedule in working days, late in calendar days
        String period = "from=" + LocalDate.now(ZONE).minusDays(1) + "&to=" + LocalDate.now(ZONE).plusDays(30);
        JsonNode before = figures(period);
        at(recorded.plusDays(6).plusMinutes(1));
        assertThat(post(MEMBER, "/api/visits", Map.of("household", id, "visitedAt", recorded.plusDays(6).toString(),
                "met", "孙大娘本人", "needs", List.of())).getStatusCode().value()).isEqualTo(201);
        JsonNode after = figures(period);
        assertThat(after.get("visits").asLong()).isEqualTo(before.get("visits").asLong() + 1);
        assertThat(after.get("visitsOnSchedule").asLong()).isEqualTo(before.get("visitsOnSchedule").asLong() + 1);

        put("admin", "/api/admin/household-tags/" + tag, Map.of("visitIntervalDays", 5, "intervalUnit", "calendar-days"));
        JsonNode calendarDays = figures(period);
        assertThat(calendarDays.get("visitsOnSchedule").asLong()).isEqualTo(before.get("visitsOnSchedule").asLong());
        assertThat(calendarDays.get("visits").asLong()).isEqualTo(after.get("visits").asLong());
    }

    @Test
    void theAdminScreenChangesAScheduleAndNamesWhatIsWrong() {
        String tag = newTag();
        assertThat(as("leader1").getForEntity("/admin/household-tags", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as(MEMBER).getForEntity("/admin/household-tags", String.class).getStatusCode().value()).isEqualTo(403);
        cn.minqing.support.WebSession web = webSession(newAddress());
        web.login("admin", PASSWORD);
        assertThat(web.get("/households").body()).contains("id=\"visit-schedules-link\"");
        String page = web.get("/admin/household-tags").body();
        assertThat(page).contains("id=\"visit-schedules\"", "独居老人", "data-tag=\"" + tag + "\"", "工作日");
        web.submit("/admin/household-tags", "/admin/household-tags/" + tag,
                Map.of("visitIntervalDays", "0", "intervalUnit", "fortnights"));
        assertThat(web.get("/admin/household-tags").body()).contains("走访间隔应为 1 到 366 之间的整数", "间隔单位应为");
        assertThat(tag(tag).get("intervalUnit").asText()).isEqualTo("calendar-days");
        web.submit("/admin/household-tags", "/admin/household-tags/" + tag,
                Map.of("visitIntervalDays", "10", "intervalUnit", "working-days"));
        assertThat(web.get("/admin/household-tags").body()).contains("已保存");
        assertThat(tag(tag).get("visitIntervalDays").asInt()).isEqualTo(10);
        assertThat(tag(tag).get("intervalUnit").asText()).isEqualTo("working-days");
        cn.minqing.support.WebSession grid = webSession(newAddress());
        grid.login("grid1", PASSWORD);
        assertThat(grid.get("/households").body()).doesNotContain("visit-schedules-link");
    }

    /** A tag of this test's own (tags are data; admins add them), so the demo's schedules stay as they are. */
    private String newTag() {
        String code = "test-wd-" + System.nanoTime() % 1_000_000;
        jdbc.sql("insert into minqing.household_tag (code, name, visit_interval_days, sort) values (?, ?, 5, 99)")
                .params(code, "测试周期" + code.substring(8)).update();
        return code;
    }

    private JsonNode tag(String code) {
        for (JsonNode t : get("admin", "/api/household-tags").getBody()) {
            if (t.get("code").asText().equals(code)) {
                return t;
            }
        }
        throw new AssertionError("no tag " + code);
    }

    private JsonNode figures(String period) {
        for (JsonNode row : get("leader1", "/api/stats/visits?groupBy=partyMember&region=" + VILLAGE + "&" + period).getBody()) {
            if (row.get("code").asText().equals(MEMBER)) {
                return row;
            }
        }
        throw new AssertionError("no figures for " + MEMBER);
    }

    private JsonNode household(String code) {
        for (JsonNode h : get(MEMBER, "/api/households?mine=true").getBody()) {
            if (h.get("code").asText().equals(code)) {
                return h;
            }
        }
        throw new AssertionError("no household " + code);
    }

    private String flag(long household) {
        JsonNode d = due(household);
        return d == null ? null : d.get("flag").asText();
    }

    private JsonNode due(long household) {
        for (JsonNode d : get(MEMBER, "/api/visits/due").getBody()) {
            if (d.get("household").asLong() == household) {
                return d;
            }
        }
        return null;
    }

    private ResponseEntity<JsonNode> put(String user, String path, Object body) {
        return as(user).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    private static void at(OffsetDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    }
}
