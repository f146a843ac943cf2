package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.TestMedia;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cadres' pages pick by name instead of asking for codes: the plan's departments, the duplicate to merge into
 * (合并到此件, both texts side by side), the villager and village of 代村民反映 and 代开户; the township's open cases
 * across its organisations; 整改前/整改后 photos at 实施, shown side by side at 核实.
 */
class CadrePagesTest extends ApiTest {

    @Test
    void theDesignPicksDepartmentsByNameAndTheImplementationBringsBeforeAndAfterPhotos() {
        String number = file("villager1", "村道塌了一块", "三组通往镇上的村道塌了一块，车过不去。", "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        completeStage("township1", number, "investigate", Map.of("findings", "路基被水冲空约五米"));

        WebSession township = signedIn("township1");
        String design = section(township.get("/workbench/cases/" + number).body(), "task-design");
        assertThat(design).contains("涉及部门（可多选）", "青石县交通运输局", "石门镇人民政府").doesNotContain("编码");
        // the bureau that answers for roads is ticked in advance; the others are not
        assertThat(design).containsPattern("value=\"QS-TRANSPORT\"[^>]*checked").doesNotContainPattern("value=\"QS-WATER\"[^>]*checked");
        HttpResponse<String> designed = township.submit("/workbench/cases/" + number, "/workbench/tasks/" + taskId("township1", number) + "/complete",
                Map.of("caseNumber", number, "plan", "回填路基并硬化", "cost", "60000", "departments", "QS-TRANSPORT"));
        assertThat(WebSession.location(designed)).isEqualTo("/workbench/cases/" + number);
        String leader = signedIn("leader1").get("/workbench/cases/" + number).body();
        assertThat(block(leader, "id=\"context-approve\"", "</div>")).contains("青石县交通运输局");
        assertThat(visibleText(leader)).doesNotContain("QS-TRANSPORT");
        completeStage("leader1", number, "approve", Map.of("outcome", "approve"));

        String implement = section(township.get("/workbench/cases/" + number).body(), "task-implement");
        assertThat(implement).contains("enctype=\"multipart/form-data\"", "整改前", "整改后", "name=\"before\"", "name=\"after\"");
        HttpResponse<String> implemented = township.submitMultipart("/workbench/cases/" + number,
                "/workbench/tasks/" + taskId("township1", number) + "/complete",
                java.util.List.of(Map.entry("caseNumber", number), Map.entry("report", "路基已回填硬化")),
                java.util.List.of(new WebSession.FilePart("before", "before.png", TestMedia.PNG),
                        new WebSession.FilePart("after", "after.png", TestMedia.PNG)));
        assertThat(WebSession.location(implemented)).isEqualTo("/workbench/cases/" + number);
        assertThat(get("admin", "/api/cases/" + number).getBody().get("status").asText()).isEqualTo("verifying");

        String verify = section(signedIn("grid1").get("/workbench/cases/" + number).body(), "task-verify");
        assertThat(verify).contains("class=\"before-after\"", "整改前", "整改后");
        assertThat(Pattern.compile("<img ").matcher(verify).results().count()).isEqualTo(2);
        // and the villager sees them side by side on their own page
        assertThat(signedIn("villager1").get("/workbench/cases/" + number).body()).contains("class=\"before-after\"", "整改前", "整改后");
    }

    @Test
    void aSuggestedDuplicateIsComparedSideBySideAndMergedWithOneConfirmation() {
        String first = file("villager1", "晒谷场边电线杆歪了", "晒谷场边的电线杆被车撞歪了，电线垂得很低，小孩经过很危险。", "power");
        await(Duration.ofSeconds(10), "admin", "/api/search?q=电线杆歪了&size=50",
                r -> r.get("hits").findValuesAsText("number").contains(first));
        String second = file("villager1", "电线杆被撞歪", "晒谷场旁边电线杆歪了，电线离地很低，怕出事。", "power");

        WebSession grid = signedIn("grid1");
        String page = grid.get("/workbench/cases/" + second).body();
        String duplicate = block(page, "duplicate-" + first, "</details>");
        assertThat(duplicate).contains("合并到此件", "本件", "可能重复的诉求", "晒谷场边电线杆歪了", "电线杆被撞歪",
                "晒谷场边的电线杆被车撞歪了", "李家村", "已接收");
        HttpResponse<String> merged = grid.submit("/workbench/cases/" + second, "/workbench/tasks/" + taskId("grid1", second) + "/complete",
                Map.of("caseNumber", second, "outcome", "merge", "mergeInto", first));
        assertThat(WebSession.location(merged)).isEqualTo("/workbench/cases/" + second);
        assertThat(get("admin", "/api/cases/" + second).getBody().get("status").asText()).isEqualTo("merged");
    }

    @Test
    void aGridMemberFilesForAVillagerByNameAndNothingTypedIsLostOnError() {
        WebSession grid = signedIn("grid1");
        String form = grid.get("/workbench/on-behalf").body();
        String text = visibleText(form);
        assertThat(text).contains("代村民反映", "李建国", "李家村", "饮水供水", "代开户");
        assertThat(text).doesNotContain("villager1", "QS01001", "张秀英"); // names only, and only their own villages
        assertThat(form).contains("name=\"onBehalfOf\"", "name=\"villageCode\"", "name=\"category\"");

        // nothing chosen: every wrong field named in Chinese, what was typed is still there
        HttpResponse<String> refused = grid.submit("/workbench/on-behalf", "/workbench/on-behalf",
                Map.of("title", "", "description", "老人家屋后的排水沟堵了", "address", "三组"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(block(refused.body(), "id=\"errors\"", "</div>")).contains("请选择为哪位村民反映", "请选择问题类别", "请填写标题");
        assertThat(refused.body()).contains("老人家屋后的排水沟堵了", "value=\"三组\"");

        // a villager of another township is as unknown as a wrong one
        HttpResponse<String> outside = grid.submit("/workbench/on-behalf", "/workbench/on-behalf",
                Map.of("onBehalfOf", "villager2", "category", "sanitation", "title", "排水沟堵了", "description", "排水沟堵了"));
        assertThat(block(outside.body(), "id=\"errors\"", "</div>")).contains("没有这位村民").doesNotContain("villager2");

        HttpResponse<String> filed = grid.submit("/workbench/on-behalf", "/workbench/on-behalf",
                Map.of("onBehalfOf", "villager1", "category", "sanitation", "title", "屋后排水沟堵了",
                        "description", "老人家屋后的排水沟堵了，下雨就往屋里灌水。", "villageCode", "QS01001"));
        String location = WebSession.location(filed);
        assertThat(location).matches("/workbench/cases/QS-[0-9-]+\\?filed");
        String number = location.substring("/workbench/cases/".length(), location.indexOf('?'));
        JsonNode c = get("admin", "/api/cases/" + number).getBody();
        assertThat(c.get("reporter").asText()).isEqualTo("villager1");
        assertThat(c.get("villageCode").asText()).isEqualTo("QS01001");
    }

    @Test
    void aGridMemberOpensAVillagersAccountAndFilesForThemStraightAway() {
        WebSession grid = signedIn("grid1");
        HttpResponse<String> wrong = grid.submit("/workbench/on-behalf", "/workbench/on-behalf/villager",
                Map.of("phone", "123", "displayName", "", "password", "laoren2026", "villageCode", "QS01001"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(block(wrong.body(), "id=\"account-errors\"", "</div>")).contains("手机号", "姓名");
        assertThat(wrong.body()).doesNotContain("laoren2026"); // a password is never sent back

        String phone = newPhone();
        HttpResponse<String> opened = grid.submit("/workbench/on-behalf", "/workbench/on-behalf/villager",
                Map.of("phone", phone, "displayName", "王奶奶", "password", "laoren2026", "villageCode", "QS01001"));
        assertThat(WebSession.location(opened)).isEqualTo("/workbench/on-behalf?villager=" + phone);
        String form = grid.get("/workbench/on-behalf?villager=" + phone).body();
        assertThat(form).containsPattern("value=\"" + phone + "\"[^>]*selected");
        assertThat(visibleText(form)).contains("王奶奶 · 李家村").doesNotContain(phone);
    }

    @Test
    void theTownshipSeesItsOpenCasesAcrossItsOrganisations() {
        String number = file("villager1", "路口垃圾堆成山", "村口路口的垃圾三天没人清运。", "sanitation");
        WebSession township = signedIn("township1");
        String page = township.get("/workbench/open").body();
        String row = block(page, "data-case=\"" + number + "\"", "</tr>");
        assertThat(visibleText(row)).contains(number, "路口垃圾堆成山", "石门镇李家村", "受理", "李家村网格员、村干部", "已接收")
                .containsPattern("(剩|超期)\\d+(天|小时|分钟)");
        assertThat(township.get("/workbench/open?status=received&village=QS01001&sort=village").body()).contains(number);
        assertThat(township.get("/workbench/open?status=investigating").body()).doesNotContain("data-case=\"" + number + "\"");
        assertThat(township.get("/workbench/open?status=bogus").statusCode()).isBetween(400, 499);
        // a villager has no such list
        assertThat(signedIn("villager1").get("/workbench/open").statusCode()).isEqualTo(403);
    }

    private WebSession signedIn(String user) {
        WebSession session = webSession(newAddress());
        assertThat(WebSession.location(session.login(user, PASSWORD))).isEqualTo("/");
        return session;
    }

    private String taskId(String user, String number) {
        JsonNode tasks = get(user, "/api/tasks?caseNumber=" + number).getBody();
        assertThat(tasks.size()).as(user + " has a task on " + number).isPositive();
        return tasks.get(0).get("id").asText();
    }

    /** The page's section of this id, up to its end. */
    static String section(String html, String id) {
        Matcher m = Pattern.compile("<section[^>]*id=\"" + id + "\"[\\s\\S]*?</section>").matcher(html);
        assertThat(m.find()).as("the page has #" + id).isTrue();
        return m.group();
    }

    static String block(String html, String marker, String end) {
        int start = html.indexOf(marker);
        assertThat(start).as(marker).isPositive();
        return html.substring(start, html.indexOf(end, start));
    }

    /** What a person reads: the page without scripts, styles, comments, tags and attribute values. */
    static String visibleText(String html) {
        String text = html.replaceAll("(?is)<script.*?</script>", " ").replaceAll("(?is)<style.*?</style>", " ")
                .replaceAll("(?s)<!--.*?-->", " ").replaceAll("(?s)<[^>]*>", " ");
        Map<String, String> entities = new LinkedHashMap<>(Map.of("&lt;", "<", "&gt;", ">", "&quot;", "\"", "&#39;", "'"));
        entities.put("&amp;", "&");
        for (var e : entities.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text.replaceAll("\\s+", " ");
    }
}
