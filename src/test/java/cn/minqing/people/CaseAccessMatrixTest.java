package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The authorization matrix: every role × every endpoint and page that reads or changes a case × a road case of
 * 李家村 (石门镇, filed by villager1) in each state it passes through — received, dispatched to the township,
 * returned to the county centre, handed over to the water bureau, closed (不予受理) and anonymous. A case one
 * may not see answers 404 everywhere, as if it did not exist; a task only its holders may claim.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseAccessMatrixTest extends ApiTest {

    static final List<String> USERS = List.of("villager1", "cunmin-QS01001-1", "villager2", "grid1", "grid-QS01002",
            "township1", "staff-QS02", "county1", "staff-QS-TRANSPORT", "leader1", "admin");

    /** The states, each with who may see the case in it and who holds its open task (null: none). */
    enum State {
        RECEIVED("grid1"), DISPATCHED("township1"), RETURNED("leader1"), HANDED_OVER("county1"),
        CLOSED(null), ANONYMOUS("grid1");

        final String taskHolder;

        State(String taskHolder) {
            this.taskHolder = taskHolder;
        }
    }

    final Map<State, String> cases = new LinkedHashMap<>();
    final Map<State, Long> photos = new HashMap<>();
    final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    void walkCasesIntoEveryState() {
        USERS.forEach(u -> tokens.put(u, post(u, "/api/tokens", Map.of("name", "matrix")).getBody().get("token").asText()));
        for (State s : State.values()) {
            Map<String, Object> report = new HashMap<>(Map.of("title", "矩阵" + s + "村道塌陷",
                    "description", "矩阵访问测试：村道塌了一段", "category", "road"));
            if (s == State.ANONYMOUS) {
                report.put("anonymous", true);
            }
            ResponseEntity<JsonNode> filed = post("villager1", "/api/cases", report);
            assertThat(filed.getStatusCode().value()).isEqualTo(201);
            String number = filed.getBody().get("number").asText();
            cases.put(s, number);
            photos.put(s, postFile("villager1", "/api/cases/" + number + "/attachments", "road.png", TestMedia.PNG)
                    .getBody().get("id").asLong());
            switch (s) {
                case CLOSED -> completeStage("grid1", number, "accept", Map.of("outcome", "reject", "reason", "矩阵：不属实"));
                case DISPATCHED -> completeStage("grid1", number, "accept", Map.of("outcome", "accept"));
                case RETURNED, HANDED_OVER -> {
                    completeStage("grid1", number, "accept", Map.of("outcome", "accept"));
                    completeStage("township1", number, "sign", Map.of("outcome", "return", "reason", "矩阵：不属本单位"));
                    if (s == State.HANDED_OVER) {
                        completeStage("leader1", number, "dispatch", Map.of("organisation", "QS-WATER"));
                    }
                }
                default -> { }
            }
        }
        await(Duration.ofSeconds(10), "admin", "/api/search?q=矩阵访问测试&size=100",
                r -> r.get("hits").findValuesAsText("number").containsAll(cases.values()));
    }

    /** Who may see the road case in this state. */
    static boolean sees(String user, State s) {
        return switch (user) {
            case "villager1", "grid1", "township1", "staff-QS-TRANSPORT", "leader1", "admin" -> true;
            case "county1" -> s == State.HANDED_OVER; // the water bureau, once the case is handed to it
            default -> false;
        };
    }

    @Test
    void everyRoleReadsExactlyWhatItMay() {
        List<String> wrong = new ArrayList<>();
        cases.forEach((s, number) -> {
            for (String user : USERS) {
                int expected = sees(user, s) ? 200 : 404;
                expect(wrong, user, s, "GET case", api(user, HttpMethod.GET, "/api/cases/" + number, null), expected);
                expect(wrong, user, s, "GET timeline", api(user, HttpMethod.GET, "/api/cases/" + number + "/timeline", null), expected);
                expect(wrong, user, s, "GET attachments", api(user, HttpMethod.GET, "/api/cases/" + number + "/attachments", null), expected);
                expect(wrong, user, s, "GET photo", api(user, HttpMethod.GET, "/api/attachments/" + photos.get(s), null), expected);
                expect(wrong, user, s, "page", as(user).exchange("/workbench/cases/" + number, HttpMethod.GET, null, String.class)
                        .getStatusCode().value(), expected);
                boolean found = json(user, "/api/search?q=矩阵访问测试&size=100").get("hits").findValuesAsText("number").contains(number);
                if (found != sees(user, s)) {
                    wrong.add(user + " " + s + " search finds it: " + found);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyRoleChangesExactlyWhatItMay() {
        List<String> wrong = new ArrayList<>();
        cases.forEach((s, number) -> {
            for (String user : USERS) {
                boolean sees = sees(user, s);
                expect(wrong, user, s, "POST note", api(user, HttpMethod.POST, "/api/cases/" + number + "/notes",
                        Map.of("note", "矩阵备注")), sees ? 201 : 404);
                int upload = postFileWithToken(user, "/api/cases/" + number + "/attachments");
                expect(wrong, user, s, "POST attachment", upload, sees ? 201 : 404);
                int reopen = api(user, HttpMethod.POST, "/api/cases/" + number + "/reopen", Map.of("reason", "矩阵"));
                // only the reporter may reopen, and only a solved or unsolvable case: a rejected one is not reopened
                expect(wrong, user, s, "POST reopen", reopen, user.equals("villager1") ? 409 : 404);
            }
            // 附议: a neighbour of the same village may support an open case; strangers and closed cases are not found
            boolean open = s != State.CLOSED;
            expect(wrong, "cunmin-QS01001-1", s, "POST support", api("cunmin-QS01001-1", HttpMethod.POST,
                    "/api/cases/" + number + "/support", null), open ? 200 : 404);
            expect(wrong, "villager2", s, "POST support", api("villager2", HttpMethod.POST,
                    "/api/cases/" + number + "/support", null), 404);
            expect(wrong, "villager1", s, "POST support", api("villager1", HttpMethod.POST,
                    "/api/cases/" + number + "/support", null), open ? 409 : 404);
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void onlyTheHoldersOfTheOpenTaskSeeClaimAndCompleteIt() {
        List<String> wrong = new ArrayList<>();
        cases.forEach((s, number) -> {
            JsonNode held = s.taskHolder == null ? null
                    : json(s.taskHolder, "/api/tasks?caseNumber=" + number);
            if (s.taskHolder != null && held.size() != 1) {
                wrong.add(s.taskHolder + " " + s + " holds " + held.size() + " tasks");
                return;
            }
            for (String user : USERS) {
                if (user.equals("admin") || user.equals(s.taskHolder)) {
                    continue;
                }
                int listed = json(user, "/api/tasks?caseNumber=" + number).size();
                if (listed != 0) {
                    wrong.add(user + " " + s + " lists " + listed + " tasks");
                }
                if (held != null) {
                    String task = held.get(0).get("id").asText();
                    expect(wrong, user, s, "claim", api(user, HttpMethod.POST, "/api/tasks/" + task + "/claim", null), 404);
                    expect(wrong, user, s, "complete", api(user, HttpMethod.POST, "/api/tasks/" + task + "/complete",
                            Map.of("outcome", "reject", "reason", "矩阵越权")), 404);
                }
            }
            if (held != null) {
                String task = held.get(0).get("id").asText();
                expect(wrong, s.taskHolder, s, "claim", api(s.taskHolder, HttpMethod.POST, "/api/tasks/" + task + "/claim", null), 200);
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(get("admin", "/api/cases/" + cases.get(State.CLOSED)).getBody().get("status").asText()).isEqualTo("rejected");
        assertThat(get("county1", "/api/cases/" + cases.get(State.HANDED_OVER)).getBody().get("handlingOrganisation").asText())
                .isEqualTo("青石县水利局");
    }

    private static void expect(List<String> wrong, String user, State s, String what, int actual, int expected) {
        if (actual != expected) {
            wrong.add(user + " " + s + " " + what + ": " + actual + " (expected " + expected + ")");
        }
    }

    /** API calls carry each person's bearer token: the matrix is hundreds of calls, and Basic costs a bcrypt each. */
    private <T> ResponseEntity<T> call(String user, HttpMethod method, String path, Object body, MediaType type, Class<T> answer) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(tokens.get(user));
        if (type != null) {
            headers.setContentType(type);
        }
        return rest.exchange(path, method, new HttpEntity<>(body, headers), answer);
    }

    private JsonNode json(String user, String path) {
        return call(user, HttpMethod.GET, path, null, null, JsonNode.class).getBody();
    }

    private int api(String user, HttpMethod method, String path, Object body) {
        return call(user, method, path, body, body == null ? null : MediaType.APPLICATION_JSON, String.class).getStatusCode().value();
    }

    private int postFileWithToken(String user, String path) {
        HttpEntity<?> file = upload("matrix.png", TestMedia.PNG);
        return call(user, HttpMethod.POST, path, file.getBody(), MediaType.MULTIPART_FORM_DATA, String.class).getStatusCode().value();
    }

}
