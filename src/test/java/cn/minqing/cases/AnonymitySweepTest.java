package cn.minqing.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * 匿名 holds everywhere: two anonymous reports of 李家村 — one filed by a villager who signed up with their
 * mobile number (with a photo, a note of their own and a neighbour's 附议), one filed by the grid member for a
 * villager (代办) — are walked through every endpoint, page and export as every role but admin. The reporter's
 * user name, name and phone appear nowhere; the neighbour's appear to no other villager. Admin still sees who
 * filed, so the test would see a leak if one were there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymitySweepTest extends ApiTest {

    static final String VILLAGE = "QS01001";
    static final String PARTY_MEMBER = "dangyuan-QS01001-1";
    static final List<String> NON_ADMINS = List.of("villager1", "villager2", "grid1", "grid-QS01002", "township1",
            "staff-QS02", "county1", "staff-QS-TRANSPORT", "leader1");

    final String marker = "匿踪" + ThreadLocalRandom.current().nextInt(1000, 9999);
    Villager reporter;
    Villager neighbour;
    Villager helped;
    String direct;
    String onBehalf;
    Villager visited;
    String fromVisit;
    long household;
    long visit;
    long photo;
    long plan;

    record Villager(String phone, String name, String password) {
        List<String> identifiers() {
            return List.of(phone, name);
        }
    }

    @BeforeAll
    void fileAnonymousReports() {
        reporter = signUp("反映甲");
        neighbour = signUp("附议乙");
        direct = fileAs(reporter, Map.of("title", marker + "低保名单有问题", "description", "村里低保评得不公，" + marker,
                "category", "subsidy", "anonymous", true));
        ResponseEntity<JsonNode> uploaded = asVillager(reporter).exchange("/api/cases/" + direct + "/attachments",
                HttpMethod.POST, upload("photo.png", TestMedia.PNG), JsonNode.class);
        assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isEqualTo(201);
        photo = uploaded.getBody().get("id").asLong();
        assertThat(asVillager(reporter).exchange("/api/cases/" + direct + "/notes", HttpMethod.POST,
                new HttpEntity<>(Map.of("note", "补充：" + marker + " 已经三个月了")), String.class).getStatusCode().value())
                .isEqualTo(201);
        assertThat(asVillager(neighbour).exchange("/api/cases/" + direct + "/support", HttpMethod.POST, null, String.class)
                .getStatusCode().value()).isEqualTo(200);

        helped = openedByCadre("代办丙");
        ResponseEntity<JsonNode> filed = post("grid1", "/api/cases", Map.of("title", marker + "村干部优亲厚友",
                "description", "代办反映：" + marker, "category", "subsidy", "anonymous", true, "onBehalfOf", helped.phone()));
        assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
        onBehalf = filed.getBody().get("number").asText();

        // 民情走访: an anonymous need found on a visit to the household of a villager with an account
        visited = openedByCadre("走访丁");
        String code = "SWEEP" + marker.substring(2);
        String csv = "code,village_code,address,head_name,head_account,grid_member,party_member\n" + code + "," + VILLAGE
                + ",五组1号," + visited.name() + "," + visited.phone() + ",grid1," + PARTY_MEMBER + "\n";
        assertThat(postFile("admin", "/api/admin/import/households", "h.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getBody().get("imported").asInt()).isEqualTo(1);
        household = get("admin", "/api/households?village=" + VILLAGE).getBody().findParents("code").stream()
                .filter(h -> h.get("code").asText().equals(code)).findFirst().orElseThrow().get("id").asLong();
        ResponseEntity<JsonNode> recorded = post(PARTY_MEMBER, "/api/visits", Map.of("household", household,
                "visitedAt", java.time.OffsetDateTime.now().minusHours(2).toString(), "met", "户主",
                "needs", List.of(Map.of("title", marker + "走访发现低保不公", "description", "走访中反映：" + marker,
                        "category", "subsidy", "anonymous", true, "solvedOnSpot", false))));
        assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(201);
        visit = recorded.getBody().get("id").asLong();
        fromVisit = recorded.getBody().get("cases").get(0).asText();

        // accept the direct report so it is routed, notified and counted
        String task = get("grid1", "/api/tasks?caseNumber=" + direct).getBody().get(0).get("id").asText();
        assertThat(post("grid1", "/api/tasks/" + task + "/complete", Map.of("outcome", "accept", "urgency", "general"))
                .getStatusCode().value()).isEqualTo(200);
        jointlyHandled(direct); // 协办 and 会签: the co-organisations' staff are swept too (county1, staff-QS-TRANSPORT)
        await(Duration.ofSeconds(10), "admin", "/api/search?q=" + marker + "&size=100",
                r -> r.get("hits").findValuesAsText("number").containsAll(List.of(direct, onBehalf, fromVisit)));
        // a public work plan whose scope links all three reports (filed, on behalf, from a visit): its API, pages and the villagers' 为民办实事 are swept too
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", marker + "低保评议专项");
        body.put("problem", "低保评议不公的反映集中");
        body.put("region", "QS01");
        body.put("categories", List.of("subsidy"));
        body.put("query", marker);
        body.put("leadOrganisation", "QS01-GOV");
        body.put("indicator", "receivedCount");
        body.put("target", 1);
        body.put("targetDate", java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60).toString());
        body.put("milestones", List.of(Map.of("title", "重新评议", "due", 10)));
        body.put("public", true);
        ResponseEntity<JsonNode> started = post("leader1", "/api/plans", body);
        assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
        plan = started.getBody().get("id").asLong();
        assertThat(started.getBody().get("linkedCases").asLong()).isEqualTo(3);
    }

    @Test
    void onlyAdminsLearnWhoFiled() {
        JsonNode asAdmin = get("admin", "/api/cases/" + direct).getBody();
        assertThat(asAdmin.get("reporter").asText()).isEqualTo(reporter.phone());
        assertThat(get("admin", "/api/cases/" + onBehalf).getBody().get("reporter").asText()).isEqualTo(helped.phone());
        assertThat(get("admin", "/api/cases/" + direct + "/attachments").getBody().get(0).get("uploadedBy").asText())
                .isEqualTo(reporter.phone());

        JsonNode asGrid = get("grid1", "/api/cases/" + direct).getBody();
        assertThat(asGrid.get("reporter").asText()).isEqualTo("匿名群众");
        assertThat(asGrid.get("anonymous").asBoolean()).isTrue();
        assertThat(get("grid1", "/api/cases/" + direct + "/attachments").getBody().get(0).get("uploadedBy").asText())
                .isEqualTo("匿名群众");
        assertThat(get("township1", "/api/cases/" + onBehalf + "/timeline").getBody().findValuesAsText("note"))
                .anyMatch(n -> n.startsWith("代办：为 匿名群众 反映"));
    }

    @Test
    void noRoleButAdminSeesTheReportersAnywhere() {
        List<String> leaks = new ArrayList<>();
        List<String> hidden = new ArrayList<>(reporter.identifiers());
        hidden.addAll(helped.identifiers());
        hidden.addAll(visited.identifiers());
        for (String user : NON_ADMINS) {
            sweep(as(user), user, hidden, leaks);
        }
        // the neighbour who supported sees neither reporter, the reporter does not see the neighbour
        sweep(asVillager(neighbour), "neighbour", hidden, leaks);
        List<String> notForReporter = new ArrayList<>(neighbour.identifiers());
        notForReporter.addAll(helped.identifiers());
        notForReporter.addAll(visited.identifiers());
        sweep(asVillager(reporter), "reporter", notForReporter, leaks);
        assertThat(leaks).isEmpty();
    }

    /** The household page names its head to those who serve it: there, the anonymous case from its visit is absent. */
    @Test
    void noHouseholdOrVisitLeadsToTheAnonymousCaseFoundOnAVisit() {
        List<String> leaks = new ArrayList<>();
        for (String user : List.of("grid1", "township1", "leader1", PARTY_MEMBER)) {
            for (String path : List.of("/api/households/" + household, "/api/visits/" + visit,
                    "/api/households?village=" + VILLAGE, "/api/cases/" + fromVisit,
                    "/households/" + household, "/households?village=" + VILLAGE)) {
                String text = as(user).getForEntity(path, String.class).getBody();
                if (text.contains(marker) && !path.startsWith("/api/cases") || text.contains("\"visit\":" + visit)
                        || (!path.startsWith("/api/cases") && text.contains(fromVisit))) {
                    leaks.add(user + " " + path);
                }
            }
        }
        assertThat(leaks).isEmpty();
        String asAdmin = get("admin", "/api/households/" + household).getBody().toString();
        assertThat(asAdmin).contains(fromVisit, marker);
        assertThat(as("admin").getForEntity("/households/" + household, String.class).getBody()).contains(fromVisit, marker);
    }

    @Test
    void theSweepSeesWhatAdminsSee() {
        // proves the sweep can fail: admin's answers do carry the identifiers
        List<String> found = new ArrayList<>();
        sweep(as("admin"), "admin", reporter.identifiers(), found);
        assertThat(found).anyMatch(l -> l.contains("/api/cases/" + direct));
    }

    private void sweep(TestRestTemplate client, String who, List<String> hidden, List<String> leaks) {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        List<String> paths = new ArrayList<>();
        for (String n : List.of(direct, onBehalf, fromVisit)) {
            paths.addAll(List.of("/api/cases/" + n, "/api/cases/" + n + "/timeline", "/api/cases/" + n + "/attachments",
                    "/api/tasks?caseNumber=" + n, "/workbench/cases/" + n, "/api/cases/" + n + "/progress",
                    "/api/cases/" + n + "/diagram", "/workbench/cases/" + n + "/diagram",
                    "/api/admin/channels/messages?caseNumber=" + n,
                    "/open311/v2/requests/" + n + ".json", "/open311/v2/requests/" + n + ".xml"));
        }
        paths.addAll(List.of("/api/attachments/" + photo, "/attachments/" + photo,
                "/api/search?q=" + marker + "&size=100", "/api/search?q=低保&size=100&sort=newest",
                "/api/cases/similar?villageCode=" + VILLAGE + "&text=" + marker + "低保",
                "/api/cases/similar?villageCode=" + VILLAGE + "&category=subsidy",
                "/api/cases", "/api/tasks", "/api/notifications", "/api/search/hot-topics", "/api/overdue", "/overdue",
                "/api/me/channels", "/api/admin/channels/templates",
                "/open311/v2/requests.json?service_code=subsidy", "/open311/v2/requests.xml",
                "/api/spot-checks?month=" + month,
                "/api/stats/oldest-open?limit=1000", "/api/stats/oldest-open?limit=1000&format=csv",
                "/stats/oldest-open?limit=1000&format=xlsx", "/api/stats/indicators?groupBy=village&format=csv",
                "/api/reports/monthly?month=" + month,
                "/workbench", "/search?q=" + marker, "/my", "/notifications", "/dashboard", "/workbench/open",
                "/api/plans", "/api/plans/" + plan, "/api/plans/" + plan + "/cases", "/plans", "/plans/" + plan,
                "/plans/" + plan + "/milestones/1", "/my/plans", "/my/plans/" + plan,
                "/plans/branches", "/api/plans/branches", "/plans/new?region=QS01&category=subsidy",
                "/report?villageCode=" + VILLAGE + "&category=subsidy",
                "/report?villageCode=" + VILLAGE + "&title=" + marker + "低保"));
        // 民情走访: cases found on visits by their channel, the figures per party branch, the visit schedules
        paths.addAll(List.of("/api/search?q=" + marker + "&channel=visit&size=100", "/search?q=" + marker + "&channel=visit",
                "/api/stats/visits?groupBy=branch&from=" + month + "-01&to=" + java.time.LocalDate.now().plusDays(1),
                "/api/visits/due", "/admin/household-tags"));
        for (String path : paths) {
            ResponseEntity<byte[]> answer = client.exchange(path, HttpMethod.GET, null, byte[].class);
            String text = answer.getHeaders() + "\n" + readable(answer);
            for (String id : hidden) {
                if (text.contains(id)) {
                    leaks.add(who + " " + path + " shows " + id);
                }
            }
        }
    }

    private static String readable(ResponseEntity<byte[]> answer) {
        byte[] body = answer.getBody();
        if (body == null) {
            return "";
        }
        String type = String.valueOf(answer.getHeaders().getContentType());
        try {
            if (type.contains("pdf")) {
                PdfReader reader = new PdfReader(body);
                StringBuilder text = new StringBuilder();
                for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                    text.append(new PdfTextExtractor(reader).getTextFromPage(page));
                }
                return text.toString();
            }
            if (type.contains("spreadsheet")) {
                StringBuilder text = new StringBuilder();
                try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
                    for (Sheet sheet : book) {
                        for (Row row : sheet) {
                            for (Cell cell : row) {
                                text.append(cell).append('\t');
                            }
                        }
                    }
                }
                return text.toString();
            }
        } catch (Exception e) {
            throw new AssertionError("unreadable " + type, e);
        }
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The handler designs a plan with two co-organisations (协办), everyone involved co-signs it (会签), 青石县水利局
     * reports and 青石县交通运输局 still works on it: both see their tasks and what the scope rules let them see.
     */
    private void jointlyHandled(String number) {
        step("township1", number, "sign", Map.of("outcome", "sign"));
        step("township1", number, "investigate", Map.of("findings", "走访核实：" + marker));
        step("township1", number, "design", Map.of("plan", "重新评议低保名单", "cost", 0,
                "coOrganisations", List.of("QS-WATER", "QS-TRANSPORT")));
        for (String signer : List.of("township1", "county1", "staff-QS-TRANSPORT")) {
            step(signer, number, "cosign", Map.of("outcome", "sign"));
        }
        step("county1", number, "co-handle", Map.of("report", "已配合核查：" + marker));
        assertThat(get("staff-QS-TRANSPORT", "/api/tasks?caseNumber=" + number).getBody().findValuesAsText("stage"))
                .containsExactly("co-handle");
    }

    private void step(String user, String number, String stage, Map<String, Object> form) {
        completeStage(user, number, stage, form);
    }

    private Villager signUp(String name) {
        String phone = "139" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        Villager v = new Villager(phone, name + marker.substring(2), "Sweep-" + phone);
        ResponseEntity<JsonNode> r = rest.exchange("/api/register", HttpMethod.POST, new HttpEntity<>(
                Map.of("phone", v.phone(), "password", v.password(), "displayName", v.name(), "villageCode", VILLAGE),
                from(newAddress())), JsonNode.class);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return v;
    }

    private Villager openedByCadre(String name) {
        String phone = "138" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        Villager v = new Villager(phone, name + marker.substring(2), "Opened-" + phone);
        ResponseEntity<JsonNode> r = post("grid1", "/api/people/villagers",
                Map.of("phone", v.phone(), "password", v.password(), "displayName", v.name(), "villageCode", VILLAGE));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return v;
    }

    private String fileAs(Villager v, Map<String, Object> report) {
        ResponseEntity<JsonNode> r = asVillager(v).exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(report), JsonNode.class);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("number").asText();
    }

    private TestRestTemplate asVillager(Villager v) {
        return rest.withBasicAuth(v.phone(), v.password());
    }
}
