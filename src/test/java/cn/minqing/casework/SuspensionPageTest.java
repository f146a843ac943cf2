package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 挂起 and 恢复办理 from the workbench's case page (issue 18): the handler (township1) asks with a date and a reason,
 * the county centre (leader1) approves on its task, and the handler resumes with one button. A bad form is named on
 * the page and nothing is asked; others than the handler are offered neither form.
 */
class SuspensionPageTest extends ApiTest {

    @Test
    void theHandlerSuspendsAndResumesFromTheCasePage() {
        String number = file("villager1", "排水渠需等水退后施工", "排水渠冲毁，要等汛期过后才能施工。", "road");
        completeStage("grid1", number, "accept", Map.of("outcome", "accept"));
        completeStage("township1", number, "sign", Map.of("outcome", "sign"));
        String page = "/workbench/cases/" + number;
        WebSession township = signedIn("township1");
        String form = CadrePagesTest.section(township.get(page).body(), "suspension");
        assertThat(form).contains("挂起理由", "name=\"until\"").doesNotContain("恢复办理");
        assertThat(signedIn("grid1").get(page).body()).doesNotContain("id=\"suspension\"");

        HttpResponse<String> bad = township.submit(page, page + "/suspension", Map.of("until", "明天"));
        assertThat(WebSession.location(bad)).isEqualTo(page);
        assertThat(township.get(page).body()).contains("class=\"errors\"");
        assertThat(get("leader1", "/api/tasks?caseNumber=" + number).getBody().findValuesAsText("stage"))
                .doesNotContain("approve-suspension");

        String until = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        township.submit(page, page + "/suspension", Map.of("until", until, "reason", "汛期水位高，无法施工"));
        completeStage("leader1", number, "approve-suspension", Map.of("outcome", "approve"));
        JsonNode suspended = get("admin", "/api/cases/" + number).getBody();
        assertThat(suspended.at("/handling/suspendedSince").isNull()).isFalse();

        String resume = CadrePagesTest.section(township.get(page).body(), "suspension");
        assertThat(resume).contains("恢复办理", "时限停止计算").doesNotContain("name=\"until\"");
        HttpResponse<String> resumed = township.submit(page, page + "/resume", Map.of());
        assertThat(WebSession.location(resumed)).isEqualTo(page);
        JsonNode running = get("admin", "/api/cases/" + number).getBody();
        assertThat(running.at("/handling/suspendedSince").isMissingNode() || running.at("/handling/suspendedSince").isNull())
                .isTrue();
        assertThat(get("admin", "/api/cases/" + number + "/timeline").getBody().findValuesAsText("kind"))
                .contains("suspended", "resumed");
    }

    private WebSession signedIn(String user) {
        WebSession session = webSession(newAddress());
        assertThat(WebSession.location(session.login(user, PASSWORD))).isEqualTo("/");
        return session;
    }
}
