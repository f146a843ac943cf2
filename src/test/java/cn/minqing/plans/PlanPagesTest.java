package cn.minqing.plans;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.people.Role;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.ApiTest;
import cn.minqing.support.TestMedia;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The plan pages end to end over HTTP: a leader starts a plan from a finding (the form comes prefilled), reads it
 * with its effect and linked cases, approves it from the workbench; the lead organisation reports a milestone with
 * a number and a photo from its page; villagers see public plans of their region only; scope holds per role.
 */
class PlanPagesTest extends ApiTest {

    static final String TOWNSHIP_LEADER = TownshipLeader.NAME;

    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    final String word = letters();
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void townshipLeader() {
        TownshipLeader.ensure(accounts, encoder, PASSWORD);
    }

    @Test
    void aLeaderStartsAPlanFromAFindingAndTheLeadOrganisationReportsAMilestone() {
        String a = file("villager1", "自来水停水 " + word, "村里自来水三天停两天，" + word + "。", "water");
        String b = file("villager1", "水压低 " + word, "晚上水压低，" + word + "。", "water");
        await(Duration.ofSeconds(15), "leader1", "/api/search?region=QS01&category=water&q=" + word, r -> r.get("total").asLong() == 2);

        WebSession leader = signedIn("leader1");
        String source = "热点问题：" + word + "（近30天，2 件）";
        String formPage = leader.get("/plans/new?region=QS01&category=water&q=" + word + "&source="
                + URLEncoder.encode(source, StandardCharsets.UTF_8)).body();
        assertThat(formPage).contains("value=\"" + source + "\"", "value=\"" + word + "\"")
                .containsPattern("value=\"water\"[^>]*selected").containsPattern("value=\"QS01\"[^>]*selected");

        long before = plans();
        HttpResponse<String> refused = leader.submitMultipart("/plans/new", "/plans", fields("", "1"), List.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"errors\"", "方案名称", "请填写此项");
        assertThat(plans()).isEqualTo(before);

        HttpResponse<String> started = leader.submitMultipart("/plans/new", "/plans", fields("石门镇供水整治（" + word + "）", "5"), List.of());
        String location = WebSession.location(started);
        assertThat(location).as(started.body()).matches("/plans/\\d+");
        long id = Long.parseLong(location.substring("/plans/".length()));
        JsonNode api = get("leader1", "/api/plans/" + id).getBody();
        assertThat(api.get("source").asText()).isEqualTo(source);
        assertThat(api.get("linkedCases").asLong()).isEqualTo(2)
                .isEqualTo(get("leader1", "/api/search?region=QS01&category=water&q=" + word).getBody().get("total").asLong());

        String page = leader.get(location).body();
        assertThat(page).contains("石门镇供水整治（" + word + "）", source, "id=\"effect-before\"", "id=\"effect-since\"",
                "排查供水管网", "完成管网改造", a, b);
        assertThat(text(page, "linked-count")).isEqualTo("2");
        // the figures drill down to the search page with the plan's region, category and days
        assertThat(href(page, "since-cases")).startsWith("/search?region=QS01&category=water&from=" + api.get("indicator").get("sinceFrom").asText());
        assertThat(page).doesNotContain("QS-WATER", "receivedCount");

        // a case outside the scope is linked by hand from the page, with a reason, and unlinked again (reason required)
        String road = file("villager1", "路面挖坏 " + word, "铺水管把村道挖坏了，" + word + "。", "road");
        assertThat(WebSession.location(leader.submit(location, location + "/cases", Map.of("number", road, "reason", "供水施工挖坏路面"))))
                .isEqualTo(location + "#linked");
        assertThat(get("leader1", "/api/plans/" + id + "/cases").getBody().findValuesAsText("number")).contains(road);
        leader.submit(location, location + "/cases/" + road + "/unlink", Map.of("reason", " "));
        assertThat(leader.get(location).body()).contains("请填写此项");
        assertThat(get("leader1", "/api/plans/" + id + "/cases").getBody().findValuesAsText("number")).contains(road);
        leader.submit(location, location + "/cases/" + road + "/unlink", Map.of("reason", "不属于本方案"));
        assertThat(get("leader1", "/api/plans/" + id + "/cases").getBody().findValuesAsText("number")).doesNotContain(road);

        // the approval is on the leader's workbench and worked from its page
        String workbench = leader.get("/workbench").body();
        String approve = taskHref(workbench, "石门镇供水整治（" + word + "）", "审批工作方案");
        HttpResponse<String> approved = leader.submit(approve, approve, Map.of("comment", "同意"));
        assertThat(WebSession.location(approved)).isEqualTo(location);
        assertThat(get("leader1", "/api/plans/" + id).getBody().get("status").asText()).isEqualTo("in-progress");

        // the lead organisation (青石县水利局) reports the first milestone from its page, with a number and a photo
        WebSession bureau = signedIn("county1");
        String report = taskHref(bureau.get("/workbench").body(), "排查供水管网", "报告里程碑进展");
        assertThat(report).isEqualTo("/plans/" + id + "/milestones/1");
        HttpResponse<String> badPhoto = bureau.submitMultipart(report, report + "/progress",
                List.of(Map.entry("text", "已排查"), Map.entry("amount", "12")),
                List.of(new WebSession.FilePart("photos", "x.png", "不是照片".getBytes(StandardCharsets.UTF_8))));
        assertThat(bureau.get(WebSession.location(badPhoto)).body()).contains("照片只能是");
        assertThat(jdbc.sql("select count(*) from minqing.plan_progress where plan_id = ?").param(id).query(Long.class).single()).isZero();
        HttpResponse<String> reported = bureau.submitMultipart(report, report + "/progress",
                List.of(Map.entry("text", "排查管网 3 公里，更换阀门"), Map.entry("amount", "12"), Map.entry("unit", "处"),
                        Map.entry("done", "true")),
                List.of(new WebSession.FilePart("photos", "valve.png", TestMedia.PNG)));
        assertThat(WebSession.location(reported)).isEqualTo(report);
        JsonNode milestone = get("leader1", "/api/plans/" + id).getBody().get("milestones").get(0);
        assertThat(milestone.get("status").asText()).isEqualTo("done");
        String progress = leader.get(report).body();
        assertThat(progress).contains("排查管网 3 公里，更换阀门", "12 处").doesNotContain("id=\"progress-form\"");
        Matcher photo = Pattern.compile("src=\"(/plans/photos/\\d+)\"").matcher(progress);
        assertThat(photo.find()).isTrue();
        assertThat(leader.get(photo.group(1)).statusCode()).isEqualTo(200);
        // nobody outside the plan's region sees it, its milestones or its photos
        WebSession qingxi = signedIn(TOWNSHIP_LEADER);
        for (String path : List.of(location, report, photo.group(1))) {
            assertThat(qingxi.get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(qingxi.get("/plans").body()).doesNotContain(word);
        // a cadre may read the plan but not start one
        WebSession township = signedIn("township1");
        assertThat(township.get(location).statusCode()).isEqualTo(200);
        assertThat(township.get("/plans/new").statusCode()).isEqualTo(403);
        assertThat(township.get("/plans").body()).doesNotContain("id=\"new-plan\"");

        // villagers: the public plan of their region, on their case and in 为民办实事; never in another region
        WebSession villager = signedIn("villager1");
        assertThat(villager.get("/my/plans").body()).contains("石门镇供水整治（" + word + "）");
        assertThat(villager.get("/workbench/cases/" + a).body()).contains("id=\"case-plans\"", "/my/plans/" + id);
        String publicPage = villager.get("/my/plans/" + id).body();
        assertThat(publicPage).contains("排查管网 3 公里，更换阀门", photo.group(1)).doesNotContain(a, "QS-WATER");
        assertThat(villager.get(location).statusCode()).isEqualTo(302);
        WebSession other = signedIn("villager2");
        assertThat(other.get("/my/plans").body()).doesNotContain(word);
        assertThat(other.get("/my/plans/" + id).statusCode()).isEqualTo(404);
        assertThat(other.get(photo.group(1)).statusCode()).isEqualTo(404);
    }

    @Test
    void aPlanThatIsNotPublicIsNotShownToVillagers() {
        file("villager1", "路灯不亮 " + word, "村口路灯不亮，" + word + "。", "road");
        WebSession leader = signedIn("leader1");
        List<Map.Entry<String, String>> f = new ArrayList<>(fields("内部方案（" + word + "）", "2"));
        f.removeIf(e -> e.getKey().equals("isPublic"));
        String location = WebSession.location(leader.submitMultipart("/plans/new", "/plans", f, List.of()));
        assertThat(location).matches("/plans/\\d+");
        long id = Long.parseLong(location.substring("/plans/".length()));
        assertThat(get("leader1", "/api/plans/" + id).getBody().get("public").asBoolean()).isFalse();
        WebSession villager = signedIn("villager1");
        assertThat(villager.get("/my/plans").body()).doesNotContain(word);
        assertThat(villager.get("/my/plans/" + id).statusCode()).isEqualTo(404);
    }

    private List<Map.Entry<String, String>> fields(String title, String target) {
        return List.of(Map.entry("title", title), Map.entry("problem", "供水类诉求集中在石门镇"),
                Map.entry("source", "热点问题：" + word + "（近30天，2 件）"), Map.entry("region", "QS01"),
                Map.entry("categories", "water"), Map.entry("query", word), Map.entry("leadOrganisation", "QS-WATER"),
                Map.entry("indicator", "receivedCount"), Map.entry("target", target),
                Map.entry("targetDate", today.plusDays(120).toString()),
                Map.entry("milestoneTitle", "排查供水管网"), Map.entry("milestoneDue", "10"),
                Map.entry("milestoneTitle", "完成管网改造"), Map.entry("milestoneDue", "40"),
                Map.entry("milestoneTitle", ""), Map.entry("milestoneDue", ""), Map.entry("isPublic", "true"));
    }

    private long plans() {
        return jdbc.sql("select count(*) from minqing.work_plan").query(Long.class).single();
    }

    private WebSession signedIn(String user) {
        WebSession session = webSession(newAddress());
        assertThat(WebSession.location(session.login(user, PASSWORD))).isEqualTo("/");
        return session;
    }

    /** The link of the workbench's plan task row that names the subject and the task. */
    private static String taskHref(String workbench, String subject, String task) {
        Matcher m = Pattern.compile("<tr>\\s*<td class=\"due\">.*?</td>\\s*<td><a href=\"([^\"]+)\">" + Pattern.quote(task)
                + "</a></td>\\s*<td>[^<]*" + Pattern.quote(subject), Pattern.DOTALL).matcher(workbench);
        assertThat(m.find()).as("the workbench lists " + task + " on " + subject).isTrue();
        return m.group(1);
    }

    private static String text(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1).strip();
    }

    private static String href(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static String letters() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.toString();
    }
}
