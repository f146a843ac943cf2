package cn.minqing.plans;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.people.Role;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * 党支部 on the plan pages: the form offers the branches of the leader's region and their party members, a plan owned
 * by a branch shows it with its members' milestones, a party member of another branch is refused (named, nothing
 * stored); the branch figures on /plans/branches and in the monthly report; scope for every role.
 */
class PlanBranchPagesTest extends ApiTest {

    static final String BRANCH = "QS01001-PB"; // 李家村党支部
    static final String MEMBER = "dangyuan-QS01001-2";
    static final String OTHER_MEMBER = "dangyuan-QS01002-1"; // 石门村党支部
    static final String QINGXI_LEADER = TownshipLeader.NAME;

    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    final String word = "支部" + ThreadLocalRandom.current().nextInt(100000, 999999);
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void townshipLeader() {
        TownshipLeader.ensure(accounts, encoder, PASSWORD);
    }

    @Test
    void aLeaderGivesThePlanToABranchAndItsPartyMembersMilestone() {
        WebSession leader = signedIn("leader1");
        String form = leader.get("/plans/new?region=QS01001&category=road").body();
        assertThat(form).contains("id=\"ownerBranch\"", "value=\"" + BRANCH + "\"", "李家村党支部", "value=\"QS02001-PB\"",
                "id=\"milestone-assignee-0\"", "value=\"" + MEMBER + "\"");
        // a township leader of 青溪乡 is offered the branches of 青溪乡 only
        String qingxiForm = signedIn(QINGXI_LEADER).get("/plans/new").body();
        assertThat(select(qingxiForm, "ownerBranch")).contains("value=\"QS02001-PB\"").doesNotContain("value=\"" + BRANCH + "\"");
        assertThat(select(qingxiForm, "milestone-assignee-0")).contains("value=\"dangyuan-QS02001-1\"")
                .doesNotContain("value=\"" + MEMBER + "\"", "李家村党支部");

        // a party member of another branch: refused, the milestone named, nothing stored
        long before = plans();
        HttpResponse<String> refused = leader.submitMultipart("/plans/new", "/plans", fields(OTHER_MEMBER), List.of());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"errors\"", "里程碑 1：承担的党员不是负责党支部的党员");
        assertThat(plans()).isEqualTo(before);

        JsonNode figuresBefore = branch(get("leader1", "/api/plans/branches").getBody());
        HttpResponse<String> started = leader.submitMultipart("/plans/new", "/plans", fields(MEMBER), List.of());
        String location = WebSession.location(started);
        assertThat(location).as(started.body()).matches("/plans/\\d+");
        long id = Long.parseLong(location.substring("/plans/".length()));
        JsonNode api = get("leader1", "/api/plans/" + id).getBody();
        assertThat(api.get("ownerBranch").asText()).isEqualTo(BRANCH);
        assertThat(api.get("milestones").get(0).get("assignee").asText()).isEqualTo(MEMBER);
        String page = leader.get(location).body();
        assertThat(page).contains("id=\"owner-branch\"", "李家村党支部", "承担：" + displayName(MEMBER));

        // the figures page: the branch owns one more plan, its member carries one more milestone
        String figures = leader.get("/plans/branches").body();
        assertThat(figures).contains("id=\"branch-figures\"", "data-branch=\"" + BRANCH + "\"", "id=\"member-figures\"",
                "data-member=\"" + MEMBER + "\"", displayName(MEMBER));
        JsonNode after = branch(get("leader1", "/api/plans/branches").getBody());
        assertThat(after.get("plansOwned").asLong()).isEqualTo(figuresBefore.get("plansOwned").asLong() + 1);
        assertThat(after.get("milestones").asLong()).isEqualTo(figuresBefore.get("milestones").asLong() + 1);
        assertThat(cell(figures, BRANCH, "owned")).isEqualTo(String.valueOf(after.get("plansOwned").asLong()));
        assertThat(leader.get("/plans").body()).contains("id=\"to-branches\"");

        // the monthly report's plan section names the branch; 青溪乡's report does not
        String report = report("QS01");
        assertThat(report).contains("党支部：", "李家村党支部（牵头方案");
        assertThat(report("QS02")).doesNotContain("李家村党支部");
    }

    @Test
    void nobodySeesABranchOutsideTheirRegionOnThePage() {
        assertThat(signedIn("township1").get("/plans/branches").body()).contains("data-branch=\"" + BRANCH + "\"")
                .doesNotContain("data-branch=\"QS02001-PB\"");
        assertThat(signedIn(QINGXI_LEADER).get("/plans/branches").body()).contains("data-branch=\"QS02001-PB\"")
                .doesNotContain("data-branch=\"" + BRANCH + "\"", MEMBER);
        String grid = signedIn("grid1").get("/plans/branches").body();
        assertThat(grid).contains("data-branch=\"" + BRANCH + "\"").doesNotContain("data-branch=\"QS01002-PB\"");
        assertThat(signedIn("admin").get("/plans/branches").body()).contains("data-branch=\"" + BRANCH + "\"",
                "data-branch=\"QS02001-PB\"");
        // a party member sees their own branch's figures, never the members' names
        String member = signedIn(MEMBER).get("/plans/branches").body();
        assertThat(member).contains("data-branch=\"" + BRANCH + "\"").doesNotContain("id=\"member-figures\"",
                "data-branch=\"QS01002-PB\"");
        // villagers have 为民办实事 instead
        HttpResponse<String> villager = signedIn("villager1").get("/plans/branches");
        assertThat(villager.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(villager)).isEqualTo("/my/plans");
        // only leaders and admins reach the form that offers branches and members
        assertThat(signedIn("township1").get("/plans/new").statusCode()).isEqualTo(403);
        assertThat(signedIn(MEMBER).get("/plans/new").statusCode()).isEqualTo(403);
    }

    private List<Map.Entry<String, String>> fields(String assignee) {
        List<Map.Entry<String, String>> f = new ArrayList<>(List.of(Map.entry("title", "李家村党员包片修路（" + word + "）"),
                Map.entry("problem", "村道坑洼"), Map.entry("source", "测试"), Map.entry("region", "QS01001"),
                Map.entry("categories", "road"), Map.entry("query", word), Map.entry("leadOrganisation", "QS01-GOV"),
                Map.entry("ownerBranch", BRANCH), Map.entry("indicator", "resolutionRate"), Map.entry("target", "0.9"),
                Map.entry("targetDate", today.plusDays(60).toString()),
                Map.entry("milestoneTitle", "党员分片摸排"), Map.entry("milestoneDue", "5"), Map.entry("milestoneAssignee", assignee),
                Map.entry("milestoneTitle", ""), Map.entry("milestoneDue", ""), Map.entry("milestoneAssignee", ""),
                Map.entry("milestoneTitle", ""), Map.entry("milestoneDue", ""), Map.entry("milestoneAssignee", "")));
        return f;
    }

    private long plans() {
        return jdbc.sql("select count(*) from minqing.work_plan").query(Long.class).single();
    }

    private String displayName(String username) {
        return jdbc.sql("select display_name from minqing.app_user where username = ?").param(username).query(String.class).single();
    }

    private String report(String region) {
        byte[] pdf = as("leader1").getForEntity("/api/reports/monthly?month=" + YearMonth.from(today) + "&region=" + region,
                byte[].class).getBody();
        try {
            PdfReader reader = new PdfReader(pdf);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                all.append(extractor.getTextFromPage(p));
            }
            return all.toString().replaceAll("\\s+", "");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode branch(JsonNode list) {
        for (JsonNode b : list) {
            if (b.get("code").asText().equals(BRANCH)) {
                return b;
            }
        }
        throw new AssertionError("no " + BRANCH + " in " + list);
    }

    /** The select of that id, with its options. */
    private static String select(String html, String id) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<select id=\"" + id + "\".*?</select>",
                java.util.regex.Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("select " + id).isTrue();
        return m.group();
    }

    private static String cell(String html, String branch, String css) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-branch=\"" + branch + "\".*?class=\"" + css
                + "\">(\\d+)<", java.util.regex.Pattern.DOTALL).matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private WebSession signedIn(String user) {
        WebSession session = webSession(newAddress());
        assertThat(WebSession.location(session.login(user, PASSWORD))).isEqualTo("/");
        return session;
    }
}
