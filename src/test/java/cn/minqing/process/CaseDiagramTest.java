package cn.minqing.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A case's place in the process diagram, on real servers: a water case is returned once (退单) and re-dispatched,
 * then reworked once (不满意 → 重办); the diagram shows the stages it passed, the one it is at, and both loops.
 * Only cadres and leaders who may see the case get it; villagers follow their step list.
 */
class CaseDiagramTest extends ApiTest {

    static final String RETURN = "sequenceFlow_0ed77a43-2a58-4231-af89-f4abf0014aa9";     // 签收? → 记录退单
    static final String REDISPATCH = "sequenceFlow_cb39009e-e473-4bc0-8b65-019a03ddef89"; // 第一次：重新派单
    static final String BACK_TO_SIGN = "sequenceFlow_0c98b200-381c-4682-9f09-3696f92e5f38"; // 改派 → signJoin
    static final String REWORK = "sequenceFlow_be4e1438-cb9b-43ce-b67b-416e565a0b78";      // 不满意：重办
    static final String REWORK_BACK = "sequenceFlow_6d018428-f5eb-4c54-afed-d4dfd7a666be"; // 重办 → implementJoin
    static final String SIGNED = "sequenceFlow_bf95d3a7-94e9-445d-9aed-6d1b80a14d8b";      // 签收 → 调研
    static final String CENTRE = "sequenceFlow_6c8fc6f5-93de-4ba0-9f85-fe49227109b4";      // 第二次：县中心兜底
    static final String APPROVAL = "sequenceFlow_dd63abef-3728-430c-96ec-73335a2f24f2";    // → 领导审批

    /** Files a water case and takes it through one return and one rework; it then waits at 实施 again. */
    private String returnedOnceAndReworkedOnce() {
        String number = file("villager1", "水塔漏水一直没修好", "村里水塔底部漏水，修了一次又漏，三组吃水困难", "water");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept"));
        completeStage("township1", number, "sign", Map.of("outcome", "return", "reason", "水塔归县水利局管"));
        completeStage("leader1", number, "dispatch", Map.of("organisation", "QS01-GOV", "note", "仍由石门镇办理"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        completeStage("township1", number, "investigate", Map.of("findings", "水塔底板开裂"));
        completeStage("township1", number, "design", Map.of("plan", "底板防水修补", "cost", 3000));
        completeStage("township1", number, "implement", Map.of("report", "已修补"));
        completeStage("grid1", number, "verify", Map.of("outcome", "solved"));
        completeStage("villager1", number, "feedback", Map.of("rating", "dissatisfied", "comment", "还在漏"));
        return number;
    }

    @Test
    void theDiagramShowsTheWayTheCaseWentWithItsReturnAndReworkLoops() {
        String number = returnedOnceAndReworkedOnce();
        ResponseEntity<String> answer = as("leader1").exchange("/api/cases/" + number + "/diagram", HttpMethod.GET,
                null, String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
        String svg = answer.getBody();
        assertThat(svg).startsWith("<svg").contains("<title id=\"diagram-title\">诉求 " + number);
        assertThat(svg).contains(node("implement", "current"), node("accept", "passed"), node("recordReturn", "passed"),
                node("dispatch", "passed"), node("recordRework", "passed"), node("verify", "passed"),
                node("countyCentreTakes", "ahead"), node("approve", "ahead"), node("rejected", "ahead"));
        assertThat(svg).contains(flow(RETURN, "loop"), flow(REDISPATCH, "loop"), flow(BACK_TO_SIGN, "loop"),
                flow(REWORK, "loop"), flow(REWORK_BACK, "loop"), flow(SIGNED, "taken"), flow(CENTRE, ""),
                flow(APPROVAL, ""));
        assertThat(svg).contains(">×2</text>") // 签收 and 实施 were entered twice
                .contains(">受理</text>").doesNotContain("Intake review", ">signJoin<");
        assertThat(svg).doesNotContain("villager1", "李建国", "township1", "grid1", "leader1");

        // English speakers get the English half of each name
        HttpHeaders headers = new HttpHeaders();
        headers.set("Accept-Language", "en");
        ResponseEntity<String> english = as("leader1").exchange("/api/cases/" + number + "/diagram",
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(english.getBody()).contains(">Verification</text>", ">Intake</text>", ">review</text>");

        // scope: the handling township's staff see it, another township's do not; villagers never
        assertThat(status("township1", number)).isEqualTo(200);
        assertThat(status("staff-QS02", number)).isEqualTo(404);
        assertThat(status("villager1", number)).isEqualTo(403);
        assertThat(status("villager2", number)).isEqualTo(403);
        assertThat(status("leader1", "QS-19990101-0001")).isEqualTo(404);
        assertThat(as("villager1").getForEntity("/workbench/cases/" + number + "/diagram", String.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theWorkbenchShowsTheHighlightedDiagramOfACaseReturnedOnceAndReworkedOnce() {
        String number = returnedOnceAndReworkedOnce();
        try (Browser browser = new Browser("http://localhost:" + port, 1280, 900)) {
            browser.login("leader1", PASSWORD).open("/workbench/cases/" + number);
            browser.press("#to-diagram");
            assertThat(browser.currentPath()).isEqualTo("/workbench/cases/" + number + "/diagram");
            assertThat(browser.text("#legend")).contains("当前所在环节", "退单");
            assertThat(browser.text("#diagram-steps")).contains("实施 · 正在办");
            assertThat(browser.find("#diagram svg [data-id='implement']").getAttribute("class")).contains("current");
            // the page scrolls to where the case stands: 实施, with the rework loop above it
            assertThat(((Number) browser.script("return document.getElementById('diagram').scrollLeft")).intValue())
                    .isPositive();
            browser.screenshot("diagram-1-returned-and-reworked-at-rework");
            browser.script("document.getElementById('diagram').scrollLeft = 700");
            browser.screenshot("diagram-2-returned-and-reworked-at-return");
        }
    }

    private int status(String user, String number) {
        return as(user).getForEntity("/api/cases/" + number + "/diagram", String.class).getStatusCode().value();
    }

    private static String node(String id, String state) {
        return "data-id=\"" + id + "\" class=\"node " + state + "\"";
    }

    private static String flow(String id, String state) {
        return "data-id=\"" + id + "\" class=\"flow" + (state.isEmpty() ? "" : " " + state) + "\"";
    }
}
