package cn.minqing.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

/** The admin walks every admin screen at 1280 px: people, categories, calendar, settings, synonyms, audit log, 停用. */
class AdminBrowserTest extends ApiTest {

    private static final int YEAR = 2040;

    @Test
    void theAdminWalksEveryScreen() {
        String villager = registerVillager("browser-pass-2026", "QS02002");
        String category = "tb-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        as("admin").exchange("/api/admin/categories/" + category, HttpMethod.PUT, new HttpEntity<>(Map.of("nameZh", "页面测试类别",
                "domain", "minsheng", "questions", List.of("甲问？", "乙问？"))), JsonNode.class);
        String filed = file("villager1", "页面测试类别的诉求", "停用前要看到这一件", category);
        try (Browser browser = new Browser("http://localhost:" + port, 1280, 1400)) {
            browser.login("admin", PASSWORD).open("/admin");
            assertThat(browser.text(".admin-tabs")).contains("人员", "问题类别", "节假日", "办理设置", "同义词", "操作日志");
            assertThat(browser.text("#organisation-list")).contains("县直部门", "饮水供水").doesNotContain("county-bureau");

            // an organisation: region and categories picked by name, a phone
            browser.find("#org-code").sendKeys("QS-BROWSER");
            browser.find("#org-name").sendKeys("县页面测试局");
            browser.choose("#org-kind", "county-bureau").choose("#org-region", "QS");
            browser.find("#organisation-form input[name=categories][value=road]").click();
            browser.find("#org-phone").sendKeys("0731-7654321");
            browser.press("#save-organisation");
            assertThat(browser.text("#admin-done")).contains("县页面测试局");
            assertThat(browser.text("#organisation-list tr[data-code='QS-BROWSER']")).contains("道路桥梁", "0731-7654321", "青石县");
            browser.screenshot("admin-library-organisations");

            // people: find, reset the password (shown once), unlock
            browser.press("#tab-people");
            browser.find("#people-q").sendKeys(villager);
            browser.press("#people-find");
            assertThat(browser.text("#people")).contains("测试村民", "村民", "青溪村");
            browser.press("#people tr[data-username='" + villager + "'] a");
            browser.press("#reset-password");
            String temporary = browser.text("#temporary-password");
            assertThat(temporary).hasSize(12);
            assertThat(browser.text("#person-state")).contains("下次登录须修改密码");
            browser.screenshot("admin-person-reset");
            assertThat(rest.withBasicAuth(villager, temporary).getForEntity("/api/me", String.class).getStatusCode().value()).isEqualTo(200);
            browser.press("#unlock");
            assertThat(browser.text("#admin-done")).contains("登录限制");
            browser.open("/admin/people/" + villager);
            assertThat(browser.script("return document.getElementById('temporary-password') === null")).as("shown only once").isEqualTo(true);

            // categories: questions added, moved and removed on the page
            browser.press("#tab-categories");
            assertThat(browser.text("#category-list")).contains("饮水供水", "页面测试类别");
            browser.screenshot("admin-categories");
            browser.open("/admin/categories/" + category);
            browser.find("#add-question").click();
            browser.find("#question-list li:last-child input").sendKeys("丙问？");
            browser.find("#question-list li:last-child button.up").click();
            browser.find("#question-list li:first-child button.remove").click();
            browser.find("label.icon-choice[title='farm-sales']").click();
            browser.screenshot("admin-category-edit");
            browser.press("#save-category");
            assertThat(browser.text("#admin-done")).contains("页面测试类别");
            JsonNode saved = get("admin", "/api/admin/categories/" + category).getBody();
            assertThat(saved.get("questions")).extracting(JsonNode::asText).containsExactly("丙问？", "乙问？");
            assertThat(saved.get("icon").asText()).as("a drawing of the report page, never an emoji").isEqualTo("farm-sales");

            // 停用 with counts
            browser.open("/admin/categories");
            browser.press("#category-list tr[data-code='" + category + "'] a.deactivate");
            assertThat(browser.text("#impact-open")).isEqualTo("1");
            assertThat(browser.text("#impact-total")).isEqualTo("1");
            browser.screenshot("admin-deactivate");
            browser.press("#confirm-deactivate");
            assertThat(browser.text("#category-list tr[data-code='" + category + "']")).contains("已停用");
            assertThat(filed).isNotBlank();

            // the holiday calendar, a day at a time
            browser.open("/admin/calendar?year=" + YEAR);
            assertThat(browser.text("#calendar-not-entered")).contains(YEAR + " 年尚未录入");
            browser.script("document.getElementById('day-date').value = arguments[0]", YEAR + "-01-01");
            browser.choose("#day-kind", "holiday");
            browser.find("#day-name").sendKeys("元旦");
            browser.press("#day-add");
            assertThat(browser.text("#calendar-days")).contains("1月1日", "放假", "元旦");
            browser.screenshot("admin-calendar");
            assertThat(get("admin", "/api/admin/calendar?year=" + YEAR).getBody().findValuesAsText("name")).containsExactly("元旦");

            // casework settings, read-only
            browser.press("#tab-settings");
            assertThat(browser.text("#dmn-case-deadlines")).contains("一般：24小时内签收，7个工作日内办结");
            assertThat(browser.text("#settings")).contains("办结后可要求重新办理", "30 天内");
            browser.screenshot("admin-settings");

            // synonyms: add a group, then remove it
            browser.press("#tab-synonyms");
            browser.find("#synonym-new").sendKeys("页面甲词,页面乙词");
            browser.press("#synonym-add-button");
            assertThat(browser.text("#admin-done")).contains("已添加");
            browser.screenshot("admin-synonyms");
            String id = (String) browser.script("""
                    return [...document.querySelectorAll('#synonyms tr[data-id]')]
                      .find(tr => tr.querySelector('input[name=terms]').value === '页面甲词,页面乙词').dataset.id""");
            browser.press("#synonyms tr[data-id='" + id + "'] button.remove");
            assertThat(browser.text("#synonyms")).doesNotContain("页面甲词");

            // the audit log, filtered by action
            browser.press("#tab-audit");
            browser.choose("#audit-action", "account.password-reset");
            browser.find("#audit-target").sendKeys(villager);
            browser.press("#audit-apply");
            assertThat(browser.text("#audit-total")).startsWith("共 1 条");
            assertThat(browser.text("#audit")).contains("重置密码", "系统管理员").doesNotContain(temporary);
            browser.screenshot("admin-audit");
        } finally {
            as("admin").exchange("/api/admin/calendar/" + YEAR, HttpMethod.DELETE, null, String.class);
        }
    }

    @Test
    void othersAreKeptOutOfTheAdminScreens() {
        for (String path : List.of("/admin/people", "/admin/categories", "/admin/calendar", "/admin/settings",
                "/admin/synonyms", "/admin/audit", "/admin/regions/QS01/deactivate")) {
            for (String user : List.of("leader1", "township1", "villager1")) {
                assertThat(as(user).getForEntity(path, String.class).getStatusCode().value()).as(user + " " + path).isEqualTo(403);
            }
        }
    }
}
