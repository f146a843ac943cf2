package cn.minqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page each role can reach, checked in a real browser with a small accessibility check
 * (src/test/resources/a11y/check.js): a label for every input, text contrast of at least 4.5:1, and on the phone
 * (360 px) touch targets of at least 48 px and body text of at least 18 px. The pages are found by following the
 * links each person sees, from their start page and the pages they are sent to, so a page added later is checked
 * without being listed here. Villagers and grid members are checked on a 360 px phone; township, county, leader and
 * admin on a 1280 px screen. Screenshots of every page go to target/screenshots/a11y-*.png.
 */
class AccessibilityTest extends ApiTest {

    private static final int MOST_PAGES_PER_PERSON = 40;
    private static String check;

    @BeforeAll
    static void loadCheck() throws IOException {
        try (InputStream in = AccessibilityTest.class.getResourceAsStream("/a11y/check.js")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            check = "return " + script.replaceAll("(?m)^//.*\\n", "").strip();
        }
    }

    @Test
    void everyPageEachPersonReachesPassesTheCheck() {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        // a public work plan of 石门镇, so that its pages are there to be checked: the list, the plan, a milestone with
        // its report form, the approval task, the villagers' 为民办实事
        String plan = "/plans/" + publicPlan();
        String approve = "/plans/tasks/" + tasks.createTaskQuery().processInstanceBusinessKey("plan:" + plan.substring(7))
                .singleResult().getId();
        violations.putAll(walk(null, 360, List.of("/login", "/register")));
        violations.putAll(walk("villager1", 360, List.of("/", "/report", "/my", "/notifications", "/my/plans", "/my" + plan,
                "/account/channels")));
        violations.putAll(walk("grid1", 360, List.of("/", "/workbench", "/report", "/search?q=%E6%B0%B4", plan, "/households",
                "/plans/branches")));
        // a party member: 走访提醒 on the workbench links to the visit form of each overdue household
        violations.putAll(walk("dangyuan-QS01002-1", 360, List.of("/", "/workbench", "/households")));
        // 挂账: the form that defers a case township1 handles to the plan
        String deferral = "/plans/deferral?case=" + signedRoadCase();
        violations.putAll(walk("township1", 1280, List.of("/", "/workbench", "/overdue", "/search?q=%E6%B0%B4", deferral)));
        violations.putAll(walk("county1", 1280, List.of("/", "/workbench", plan + "/milestones/1")));
        violations.putAll(walk("leader1", 1280, List.of("/", "/dashboard", "/overdue", "/search?q=%E6%B0%B4&channel=visit", "/plans",
                "/plans/new", plan, approve, "/households", "/plans/branches")));
        // 党支部 figures on a phone, as a party member reads them
        violations.putAll(walk("dangyuan-QS01001-1", 360, List.of("/plans/branches")));
        violations.putAll(walk("admin", 1280, List.of("/", "/admin", "/dashboard", "/households", "/admin/household-tags")));

        StringBuilder report = new StringBuilder();
        violations.forEach((page, found) -> {
            if (!found.isEmpty()) {
                report.append('\n').append(page);
                found.forEach(v -> report.append("\n    ").append(v));
            }
        });
        System.out.println("Accessibility check: " + violations.size() + " pages" + (report.length() == 0 ? ", no violations" : report));
        assertThat(violations.size()).as("pages checked").isGreaterThan(20);
        assertThat(report.toString()).as("accessibility violations").isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.TaskService tasks;

    private String signedRoadCase() {
        String number = file("villager1", "村道坑洼（无障碍检查）", "村道坑洼不平。", "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept", "urgency", "general"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        return number;
    }

    private long publicPlan() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "石门镇饮水安全（无障碍检查）");
        body.put("problem", "饮水供水类诉求上升");
        body.put("region", "QS01");
        body.put("categories", List.of("water"));
        body.put("leadOrganisation", "QS-WATER");
        body.put("indicator", "resolutionRate");
        body.put("target", 0.9);
        body.put("targetDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(90).toString());
        body.put("milestones", List.of(Map.of("title", "排查管网", "due", 5), Map.of("title", "改造完成", "due", 20)));
        body.put("public", true);
        return post("leader1", "/api/plans", body).getBody().get("id").asLong();
    }

    /** Visits the person's pages breadth first, following same-site links, and checks each kind of page once. */
    private Map<String, List<String>> walk(String username, int width, List<String> start) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        String who = username == null ? "anonymous" : username;
        try (Browser browser = new Browser("http://localhost:" + port, width, width < 600 ? 740 : 900)) {
            if (username != null) {
                browser.login(username, PASSWORD);
            }
            Deque<String> queue = new ArrayDeque<>(start);
            Set<String> kinds = new LinkedHashSet<>();
            while (!queue.isEmpty() && kinds.size() < MOST_PAGES_PER_PERSON) {
                String path = queue.poll();
                if (!kinds.add(kindOf(path))) {
                    continue;
                }
                browser.open(path);
                String landed = browser.currentPath();
                if (landed.startsWith("/login") && username != null) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<String> problems = new ArrayList<>((List<String>) browser.script(check));
                found.put(who + " @" + width + " " + path, problems);
                browser.screenshot("a11y-" + who + "-" + kinds.size());
                @SuppressWarnings("unchecked")
                List<String> links = (List<String>) browser.script(
                        "return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))");
                for (String link : links) {
                    if (followed(link)) {
                        queue.add(link);
                    }
                }
            }
        }
        return found;
    }

    /** Pages, not downloads, APIs, other apps or sign-out. */
    private static boolean followed(String link) {
        if (link == null || !link.startsWith("/") || link.startsWith("//")) {
            return false;
        }
        return !link.matches("^/(api|v3|swagger-ui|camunda|actuator|attachments|visit-attachments|reports|stats|logout|error)(/.*|\\?.*)?$")
                && !link.contains("format=") && !link.matches(".*\\.(csv|xlsx|pdf|png|jpg|svg|js|css)(\\?.*)?$");
    }

    /** One page of each kind: a case page is a case page whichever case it shows; a search is a search. */
    static String kindOf(String path) {
        String bare = path.replaceAll("#.*$", "");
        String base = bare.replaceAll("\\?.*$", "");
        base = base.replaceAll("[A-Z]{2,}-\\d{8}-\\d{4}", "{case}").replaceAll("/\\d+(?=/|$)", "/{id}");
        return base;
    }
}
