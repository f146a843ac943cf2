package cn.minqing.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import cn.minqing.support.Browser;
import cn.minqing.support.TestMedia;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A villager on a 360×740 phone: the report form keeps a draft on the phone, says in Chinese why it cannot locate
 * and names the nearest village when it can, takes two photos from the album, survives a missing title with its
 * words and photos, and files the case with both. The pages read at 18 px, the tab bar's targets are 48 px tall,
 * 长辈模式 makes everything larger. Screenshots in target/screenshots/report-*.png.
 */
class ReportFormBrowserTest extends ApiTest {

    /** Every visible element with its own text under 14 px, as "TAG:text|…" (empty when none). */
    private static final String SMALL_TEXT = """
            var small = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') { return; }
              var own = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
              if (own && parseFloat(getComputedStyle(e).fontSize) < 14) { small.push(e.tagName + ':' + e.textContent.trim().slice(0, 20)); }
            });
            return small.join('|');""";

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
    void aReportWithTwoAlbumPhotosSurvivesAMissingTitleAndTheDraftSurvivesAReload() throws Exception {
        phone.login("villager1", PASSWORD);
        phone.open("/my");
        assertReadable("my-cases");
        phone.screenshot("report-0-my-cases");

        phone.open("/report");
        assertReadable("report");
        assertThat(phone.script("return document.querySelectorAll('svg.cat-icon use').length")).isEqualTo(
                phone.script("return document.querySelectorAll('input[name=category]').length"));
        tap("input[name=category][value=water]").click();
        assertThat(phone.find("#questions-water").isDisplayed()).isTrue();
        assertThat(phone.text("#questions-water")).contains("停水多久了？", "影响几户？");
        assertThat(phone.find("#description").getAttribute("placeholder")).isNullOrEmpty();
        phone.find("#description").sendKeys("三组的自来水管在路边破了，停水两天，影响十几户。");
        phone.find("#address").sendKeys("三组路口");

        // the location: a clear sentence when the phone refuses, the village's name when it answers
        phone.script("navigator.geolocation.getCurrentPosition = function (ok, fail) { fail({code: 1}); };");
        tap("#locate").click();
        assertThat(phone.text("#located")).startsWith("没有定位权限");
        JsonNode lijia = village("QS01001");
        phone.script("navigator.geolocation.getCurrentPosition = function (ok) { ok({coords: {latitude: "
                + (lijia.get("lat").asDouble() + 0.001) + ", longitude: " + lijia.get("lon").asDouble() + "}}); };");
        tap("#locate").click();
        waitFor("return document.getElementById('located').textContent.indexOf('李家村') >= 0");
        assertThat(phone.text("#located")).isEqualTo("已定位：在石门镇李家村附近，已选为所在村").doesNotContainPattern("\\d");
        phone.screenshot("report-1-form");

        // the connection drops, the page is opened again: the draft comes back
        phone.open("/report");
        assertThat(phone.find("#draft-restored").isDisplayed()).isTrue();
        assertThat(phone.find("#description").getAttribute("value")).isEqualTo("三组的自来水管在路边破了，停水两天，影响十几户。");
        assertThat(phone.find("#address").getAttribute("value")).isEqualTo("三组路口");
        assertThat(phone.find("input[name=category][value=water]").isSelected()).isTrue();
        assertThat(phone.find("#lat").getAttribute("value")).isNotEmpty();
        assertThat(phone.text("#located")).contains("李家村");

        // two photos from the album, no title: refused by name, nothing lost
        Path one = Files.write(Files.createTempFile("pipe", ".png"), TestMedia.PNG);
        Path two = Files.write(Files.createTempFile("street", ".png"), TestMedia.PNG);
        phone.find("#file").sendKeys(one.toAbsolutePath() + "\n" + two.toAbsolutePath());
        assertThat(phone.script("return document.querySelectorAll('#thumbs li img').length")).isEqualTo(2L);
        assertThat(phone.script("return document.getElementById('file').files.length")).isEqualTo(2L);
        tap("#submit-report");
        phone.press("#submit-report");
        assertThat(phone.text("#errors")).contains("请填写标题");
        assertThat(phone.text("#title-error")).contains("标题");
        assertThat(phone.find("#description").getAttribute("value")).isEqualTo("三组的自来水管在路边破了，停水两天，影响十几户。");
        assertThat(phone.find("#address").getAttribute("value")).isEqualTo("三组路口");
        assertThat(phone.find("input[name=category][value=water]").isSelected()).isTrue();
        assertThat(phone.script("return document.querySelectorAll('#thumbs li.kept img').length")).isEqualTo(2L);
        waitFor("return Array.prototype.every.call(document.querySelectorAll('#thumbs img'), function (i) { return i.complete && i.naturalWidth > 0; })");
        phone.screenshot("report-2-refused");

        phone.find("#title").sendKeys("三组自来水管破了");
        tap("#submit-report");
        phone.press("#submit-report");
        assertThat(phone.text("#filed")).contains("已收到");
        assertThat(phone.script("return document.querySelectorAll('#attachments img').length")).isEqualTo(2L);
        assertThat(phone.script("return localStorage.getItem('minqing-report-draft')")).as("draft cleared").isNull();
        String number = phone.currentPath().replaceAll("^/workbench/cases/([^?]+).*$", "$1");
        assertThat(get("villager1", "/api/cases/" + number + "/attachments").getBody()).hasSize(2);
        assertThat(get("villager1", "/api/cases/" + number).getBody().get("title").asText()).isEqualTo("三组自来水管破了");
    }

    @Test
    void theAccountPageSwitchesOnLargeTextForEveryPage() {
        phone.login("villager1", PASSWORD);
        phone.press("#to-account");
        assertReadable("account");
        assertThat(phone.text("main")).contains("李建国", "李家村", "修改密码", "退出", "长辈模式");
        phone.screenshot("report-3-account");
        phone.open("/notifications");
        assertReadable("notifications");

        phone.open("/account");
        tap("label[for=elder-mode]").click();
        assertThat(phone.script("return document.documentElement.classList.contains('elder')")).isEqualTo(true);
        phone.open("/report");
        assertThat(fontSize("body")).isGreaterThanOrEqualTo(22.0);
        assertThat(tabHeights()).allMatch(h -> h >= 48.0);
        phone.screenshot("report-4-elder");
        phone.open("/my");
        assertThat(fontSize("body")).isGreaterThanOrEqualTo(22.0);
        phone.open("/account");
        tap("label[for=elder-mode]").click();
        phone.open("/report");
        assertThat(fontSize("body")).isEqualTo(18.0);
    }

    @Test
    void aCadresHeaderWrapsAt360PixelsInsteadOfOverflowing() {
        phone.login("leader1", PASSWORD);
        phone.open("/workbench");
        // nothing sticks out sideways (a vertical scroll bar may take its width off the 360 px)
        assertThat((Boolean) phone.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
                + " && document.documentElement.clientWidth <= 360")).isTrue();
        assertThat(phone.script("return document.querySelectorAll('nav.tabs').length")).isEqualTo(0L);
        phone.screenshot("report-5-cadre-header");
    }

    /** 18 px base text, nothing under 14 px, and the tab bar's four targets at least 48 px tall. */
    private void assertReadable(String page) {
        assertThat(fontSize("body")).as(page).isGreaterThanOrEqualTo(18.0);
        assertThat(phone.script(SMALL_TEXT)).as(page + ": text under 14 px").isEqualTo("");
        assertThat(tabHeights()).as(page).hasSize(4).allMatch(h -> h >= 48.0);
    }

    /** Brings an element to the middle of the screen, clear of the fixed tab bar, and returns it. */
    private org.openqa.selenium.WebElement tap(String css) {
        phone.script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", css);
        return phone.find(css);
    }

    private java.util.List<Double> tabHeights() {
        Object heights = phone.script("return Array.prototype.map.call(document.querySelectorAll('nav.tabs a, nav.tabs button'), "
                + "function (a) { return a.getBoundingClientRect().height; })");
        return ((java.util.List<?>) heights).stream().map(h -> ((Number) h).doubleValue()).toList();
    }

    private double fontSize(String css) {
        return Double.parseDouble(String.valueOf(phone.script(
                "return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize)", css)));
    }

    private JsonNode village(String code) {
        for (JsonNode v : get("villager1", "/api/regions").getBody()) {
            if (v.get("code").asText().equals(code)) {
                return v;
            }
        }
        throw new AssertionError("no village " + code);
    }

    private void waitFor(String condition) {
        long end = System.currentTimeMillis() + 10_000;
        while (!Boolean.TRUE.equals(phone.script(condition))) {
            assertThat(System.currentTimeMillis()).as(condition).isLessThan(end);
            sleep(100);
        }
    }
}
