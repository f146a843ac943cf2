package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import cn.minqing.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A villager on a 360×740 phone: signs up, files a report with a photo, follows it while the
 * cadres work it on their own page (where it is and by when, the log in plain sentences, tap to call the handler), and
 * rates the solution with one big button. Screenshots in target/screenshots/phone-*.png.
 */
class PhoneAppBrowserTest extends ApiTest {

    @LocalServerPort
    int port;
    Browser phone;

    @BeforeEach
    void openPhone() {
        phone = new Browser("http://localhost:" + port, 360, 740);
    }

    @AfterEach
    void closePhone() {
        phone.close();
    }

    @Test
    void aVillagerSignsUpReportsWithAPhotoFollowsAndRates() throws Exception {
        String number = RegistrationAndLockoutTest.newPhone();
        phone.open("/login").press("#to-register");
        phone.find("#phone").sendKeys(number);
        phone.find("#displayName").sendKeys("周春花");
        phone.find("#villageCode option[value='QS01001']").click();
        phone.find("#password").sendKeys("chunhua2026");
        phone.screenshot("phone-1-register");
        phone.press("#register");
        assertThat(phone.currentPath()).startsWith("/login?registered");

        phone.login(number, "chunhua2026").press("#to-report");
        phone.find("input[name=category][value=water]").click();
        phone.find("#title").sendKeys("水龙头放出来是黄水");
        phone.find("#description").sendKeys("这几天家里水龙头放出来的水发黄，有股铁锈味，不敢给孩子喝。");
        Path photo = Files.write(Files.createTempFile("yellow-water", ".png"), TestMedia.PNG);
        phone.find("#file").sendKeys(photo.toAbsolutePath().toString());
        phone.screenshot("phone-2-report");
        phone.press("#submit-report");

        assertThat(phone.text("#filed")).contains("已收到");
        assertThat(phone.find("#attachments img").getAttribute("src")).contains("/attachments/");
        String caseNumber = phone.currentPath().replaceAll("^/workbench/cases/([^?]+).*$", "$1");
        assertThat(caseNumber).matches("QS-\\d{8}-\\d{4}");
        assertThat(phone.text("#now")).startsWith("李家村村民委员会正在受理您反映的问题，预计");
        assertThat(phone.text("#log")).contains("您反映了问题", "您添加了照片");
        phone.screenshot("phone-3-filed");

        workThrough(caseNumber);
        phone.press("#to-my");
        assertThat(phone.text("main")).contains("水龙头放出来是黄水", "待回访");
        phone.open("/workbench/cases/" + caseNumber);
        String page = phone.text("main");
        assertThat(page).contains("已经办好了，请您评价", "石门镇人民政府已接手", "办理人说：入户管道锈蚀", "交给石门镇人民政府办理");
        assertThat(phone.find("#call").getAttribute("href")).isEqualTo("tel:0731-56201001");
        // the villager's own page: no cadre controls or counters, no user names, no English codes
        assertThat(phone.script("return document.querySelectorAll(\"form[action*='/claim'], [id^='task-'], "
                + "textarea[name=note], select\").length")).isEqualTo(0L);
        assertThat(page).doesNotContain("签收任务", "退单", "督办", "重办", "—", number, "township1", "grid1");
        assertThat(page).doesNotContainPattern("\\b[a-z]{4,}\\b");
        phone.screenshot("phone-4-rate");
        phone.press("#rate-satisfied");
        assertThat(phone.text("#done")).isEqualTo("谢谢您的评价！");
        assertThat(phone.text("#status")).isEqualTo("已解决");
        assertThat(phone.text("#now")).isEqualTo("已办结，问题已解决。");
        assertThat(phone.text("#rated")).isEqualTo("您的评价：满意");
        assertThat(phone.text("#reopen")).contains("要求重新办理");
        phone.screenshot("phone-5-solved");
    }

    /** The cadres work the case through the API: accept, sign, investigate, design, implement, verify. */
    private void workThrough(String caseNumber) {
        step("grid1", caseNumber, Map.of("outcome", "accept"));
        step("township1", caseNumber, Map.of("outcome", "sign"));
        step("township1", caseNumber, Map.of("findings", "入户管道锈蚀"));
        step("township1", caseNumber, Map.of("plan", "更换入户管", "cost", 800));
        step("township1", caseNumber, Map.of("report", "已更换"));
        step("grid1", caseNumber, Map.of("outcome", "solved"));
    }

    private void step(String user, String caseNumber, Map<String, Object> form) {
        JsonNode task = get(user, "/api/tasks?caseNumber=" + caseNumber).getBody().get(0);
        assertThat(post(user, "/api/tasks/" + task.get("id").asText() + "/complete", form).getStatusCode().value())
                .isEqualTo(200);
    }
}
