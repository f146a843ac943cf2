package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No cadre page shows a code or a user name in its visible text: the task list, the case page at every stage (as
 * the one who holds it and as the leader), search, the overdue board, the township's open cases and 代村民反映 speak
 * of statuses, categories, stages, region levels and organisation kinds by their Chinese names, and of people by
 * their display names (never grid1, township1, villager1 …).
 */
class NoCodesOnCadrePagesTest extends ApiTest {

    private static final List<String> USERS = List.of("villager1", "villager2", "grid1", "township1", "county1", "leader1", "admin");
    private static final List<String> STAGES = List.of("accept", "dispatch", "sign", "investigate", "design", "approve",
            "implement", "verify", "feedback", "supervise");
    private static final List<String> STATUSES = List.of("received", "accepted", "dispatched", "signed", "investigating",
            "designing", "approving", "implementing", "verifying", "awaiting-feedback", "rework", "solved", "unsolvable",
            "rejected", "merged");
    private static final List<String> KINDS = List.of("county-bureau", "township-office", "village-committee",
            "party-branch", "county-centre", "township", "village", "county", "grid", "filed", "claimed", "attachment",
            "photo", "general", "emergency", "complex", "outcome", "reason", "note", "null");

    @Test
    void cadrePagesSpeakInNamesNeverInCodes() {
        List<String> forbidden = new ArrayList<>(USERS);
        forbidden.addAll(STAGES);
        forbidden.addAll(STATUSES);
        forbidden.addAll(KINDS);
        get("admin", "/api/categories").getBody().forEach(c -> forbidden.add(c.get("code").asText()));
        Pattern codes = Pattern.compile("(?<![A-Za-z0-9_-])(" + String.join("|", forbidden.stream().map(Pattern::quote).toList())
                + "|QS\\d+[A-Z0-9-]*|QS-[A-Z]{2,})(?![A-Za-z0-9_-])");

        String number = file("villager1", "水渠漏水浇不了田", "二组水渠漏水，下游的田浇不上水。", "irrigation");
        Map<String, WebSession> sessions = new java.util.HashMap<>();
        for (String u : List.of("grid1", "township1", "leader1")) {
            WebSession s = webSession(newAddress());
            s.login(u, PASSWORD);
            sessions.put(u, s);
        }
        List<String[]> walk = List.of(
                new String[] {"grid1", "accept", "{\"outcome\":\"accept\",\"reason\":\"情况属实\"}"},
                new String[] {"township1", "sign", "{\"outcome\":\"return\",\"reason\":\"应由县水利局办理\"}"},
                new String[] {"leader1", "dispatch", "{\"organisation\":\"township\",\"note\":\"乡镇先办\"}"},
                new String[] {"township1", "sign", "{\"outcome\":\"sign\"}"},
                new String[] {"township1", "investigate", "{\"findings\":\"渠底开裂\"}"},
                new String[] {"township1", "design", "{\"plan\":\"重新衬砌\",\"cost\":50000,\"departments\":[\"QS-WATER\"]}"},
                new String[] {"leader1", "approve", "{\"outcome\":\"approve\"}"},
                new String[] {"township1", "implement", "{\"report\":\"已衬砌\"}"},
                new String[] {"grid1", "verify", "{\"outcome\":\"solved\"}"});
        for (String[] step : walk) {
            claimAndLook(sessions.get(step[0]), step[0], number, codes);
            look(sessions.get("leader1"), "/workbench/cases/" + number, codes);
            completeStage(step[0], number, step[1], json(step[2]));
        }
        look(sessions.get("grid1"), "/workbench/cases/" + number, codes);
        for (WebSession s : sessions.values()) {
            look(s, "/workbench", codes);
            look(s, "/overdue", codes);
            look(s, "/workbench/open", codes);
            look(s, "/search?q=" + java.net.URLEncoder.encode("水渠", java.nio.charset.StandardCharsets.UTF_8), codes);
        }
        look(sessions.get("grid1"), "/workbench/on-behalf", codes);
    }

    /** The holder's view of the stage: before and after claiming it (the claimant is then named). */
    private void claimAndLook(WebSession session, String user, String number, Pattern codes) {
        look(session, "/workbench/cases/" + number, codes);
        JsonNode tasks = get(user, "/api/tasks?caseNumber=" + number).getBody();
        if (tasks.size() > 0 && !tasks.get(0).hasNonNull("assignee")) {
            post(user, "/api/tasks/" + tasks.get(0).get("id").asText() + "/claim", Map.of());
            look(session, "/workbench/cases/" + number, codes);
        }
    }

    private static void look(WebSession session, String path, Pattern codes) {
        var page = session.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        String text = CadrePagesTest.visibleText(page.body());
        Matcher m = codes.matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            int from = Math.max(0, m.start() - 30);
            found.add(m.group() + " in …" + text.substring(from, Math.min(text.length(), m.end() + 30)) + "…");
        }
        assertThat(found).as(path + " shows codes or user names").isEmpty();
    }

    private static Map<String, Object> json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
