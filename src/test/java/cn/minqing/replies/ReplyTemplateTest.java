package cn.minqing.replies;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Issue 18, reply templates (答复模板): admins alone read and replace them, wrong templates are refused with every
 * wrong field named, and a stage completed with a template gets the filled-in, escaped words — the organisation's own
 * template before the county-wide one — through the API and through the workbench's form.
 */
class ReplyTemplateTest extends ApiTest {

    private final ObjectMapper json = new ObjectMapper();
    private JsonNode seeded;

    @BeforeEach
    void remember() {
        seeded = get("admin", "/api/admin/reply-templates").getBody().get("templates");
    }

    @AfterEach
    void restore() {
        assertThat(put("admin", Map.of("templates", seeded)).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void onlyAdminsReadAndReplaceTheTemplatesAndTheChangeIsAudited() {
        for (String user : List.of("villager1", "grid1", "township1", "county1", "leader1")) {
            assertThat(get(user, "/api/admin/reply-templates").getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(put(user, Map.of("templates", List.of())).getStatusCode().value()).as(user).isEqualTo(403);
        }
        JsonNode all = get("admin", "/api/admin/reply-templates").getBody();
        assertThat(all.get("templates").findValuesAsText("code")).contains("policy-answer", "done-report", "verified-solved");
        assertThat(all.get("placeholders").toString()).contains("村名", "期限", "承办单位", "编号", "标题");

        List<Object> changed = withExtra(Map.of("organisation", "QS01001-VC", "code", "water-stop", "label", "停水说明",
                "stage", "accept", "text", "{村名}因管网检修停水，预计{期限}前恢复。"));
        ResponseEntity<JsonNode> done = put("admin", Map.of("templates", changed));
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);
        assertThat(done.getBody().get("templates").findValuesAsText("code")).contains("water-stop");
        assertThat(get("admin", "/api/admin/audit").getBody().toString()).contains("reply-templates.replaced");
    }

    @Test
    void unknownPlaceholdersAndOtherMistakesAreRefusedNamingEveryField() {
        List<Object> bad = withExtra(Map.of("organisation", "NO-SUCH-ORG", "code", "Bad Code", "label", "",
                "stage", "cook", "text", "您好，{村名}的{电话号码}已登记。"));
        bad.add(Map.of("code", "half", "label", "半个括号", "text", "请于{期限前办好"));
        ResponseEntity<JsonNode> refused = put("admin", Map.of("templates", bad));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        int i = bad.size() - 2;
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).contains(
                "templates[" + i + "].organisation", "templates[" + i + "].code", "templates[" + i + "].label",
                "templates[" + i + "].stage", "templates[" + i + "].text", "templates[" + (i + 1) + "].text");
        assertThat(refused.getBody().toString()).contains("{电话号码}").doesNotContain("Exception", "SQL");
        assertThat(get("admin", "/api/admin/reply-templates").getBody().get("templates"))
                .as("nothing changed").isEqualTo(seeded);
    }

    @Test
    void aDirectAnswerWithATemplateIsFilledFromTheCaseAndEscaped() {
        // grid1 works for 李家村村民委员会: its own policy-answer replaces the county-wide one for grid1
        assertThat(put("admin", Map.of("templates", withExtra(Map.of("organisation", "QS01001-VC", "code", "policy-answer",
                "label", "村委会政策答复", "stage", "accept",
                "text", "{村名}村委会答复（{编号}）：关于“{标题}”，{政策依据}")))).getStatusCode().value()).isEqualTo(200);
        String number = file("villager1", "养老保险怎么交", "想问一下城乡居民养老保险每年怎么交？", "other");
        completeStage("grid1", number, "accept", Map.of("outcome", "answer", "template", "policy-answer",
                "values", Map.of("政策依据", "<script>alert(1)</script>按县人社局2026年文件，每年9月起在村委会缴纳。")));

        JsonNode c = get("villager1", "/api/cases/" + number).getBody();
        assertThat(c.get("status").asText()).isEqualTo("answered");
        assertThat(c.get("outcomeNote").asText()).isEqualTo("李家村村委会答复（" + number + "）：关于“养老保险怎么交”，"
                + "&lt;script&gt;alert(1)&lt;/script&gt;按县人社局2026年文件，每年9月起在村委会缴纳。");
        assertThat(get("admin", "/api/cases/" + number + "/timeline").getBody().toString()).doesNotContain("<script>");
    }

    @Test
    void aTemplateNeedsKnownValuesForEveryPlaceholderAndNotFreeTextBeside() {
        String number = file("villager1", "危房改造补助", "想咨询危房改造补助标准", "housing");
        Map<String, Object> unknown = Map.of("outcome", "answer", "template", "policy-answer",
                "values", Map.of("政策依据", "按省里标准", "电话", "123"));
        assertThat(fieldsOf(complete("grid1", number, unknown))).containsExactly("values.电话");
        assertThat(fieldsOf(complete("grid1", number, Map.of("outcome", "answer", "template", "policy-answer"))))
                .as("{政策依据} only the cadre can give").containsExactly("values.政策依据");
        assertThat(fieldsOf(complete("grid1", number, Map.of("outcome", "answer", "template", "no-such-template"))))
                .containsExactly("template");
        assertThat(fieldsOf(complete("grid1", number, Map.of("outcome", "answer", "template", "verified-solved"))))
                .as("a verify template is not offered at intake").containsExactly("template");
        assertThat(fieldsOf(complete("grid1", number, Map.of("outcome", "answer", "template", "policy-answer",
                "reply", "自己写的", "values", Map.of("政策依据", "x"))))).containsExactly("template");
        assertThat(get("admin", "/api/cases/" + number).getBody().get("status").asText()).isEqualTo("received");
        // a rejection's reason may come from a template as well
        completeStage("grid1", number, "accept", Map.of("outcome", "reject", "template", "not-ours",
                "values", Map.of("政策依据", "县住建局窗口")));
        assertThat(get("admin", "/api/cases/" + number).getBody().get("outcomeNote").asText())
                .isEqualTo("您好！您反映的“危房改造补助”不属于本平台受理范围，建议您通过县住建局窗口办理。感谢您对李家村工作的关心。");
    }

    @Test
    void theWorkbenchOffersTheTemplatesByTheirChineseNamesAndFillsThemIn() {
        String number = file("villager1", "新农合报销", "在县医院住院，新农合怎么报销？", "other");
        WebSession grid = webSession(newAddress());
        assertThat(WebSession.location(grid.login("grid1", PASSWORD))).isEqualTo("/");
        String page = grid.get("/workbench/cases/" + number).body();
        assertThat(page).contains("name=\"template\"", "政策咨询答复", "不属受理范围", "用答复模板")
                .doesNotContain("整改完成报告", "核实已解决"); // other stages' templates are not offered at intake
        Map<String, String> form = new HashMap<>();
        form.put("caseNumber", number);
        form.put("outcome", "answer");
        form.put("reply", "");
        form.put("template", "policy-answer");
        form.put("values[政策依据]", "出院时在医院窗口直接结算");
        form.put("values[办理情况]", "");
        HttpResponse<String> done = grid.submit("/workbench/cases/" + number,
                "/workbench/tasks/" + taskOf("grid1", number) + "/complete", form);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(get("villager1", "/api/cases/" + number).getBody().get("outcomeNote").asText())
                .isEqualTo("您好！您反映的“新农合报销”（编号" + number + "）属于政策咨询，答复如下：出院时在医院窗口直接结算。"
                        + "如仍有疑问，可到石门镇人民政府便民服务中心咨询。");
    }

    private List<Object> withExtra(Map<String, Object> extra) {
        List<Object> all = new ArrayList<>(json.convertValue(seeded, List.class));
        all.add(extra);
        return all;
    }

    private ResponseEntity<JsonNode> put(String user, Object body) {
        return as(user).exchange("/api/admin/reply-templates", HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    private ResponseEntity<JsonNode> complete(String user, String number, Map<String, Object> form) {
        return post(user, "/api/tasks/" + taskOf(user, number) + "/complete", form);
    }

    private List<String> fieldsOf(ResponseEntity<JsonNode> refused) {
        assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
        return refused.getBody().get("errors").findValuesAsText("field");
    }

    private String taskOf(String user, String number) {
        for (JsonNode t : get(user, "/api/tasks?caseNumber=" + number).getBody()) {
            if (t.get("stage").asText().equals("accept")) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no accept task on " + number);
    }
}
