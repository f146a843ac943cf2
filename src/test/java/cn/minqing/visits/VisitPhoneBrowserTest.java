package cn.minqing.visits;

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

/**
 * A party member on a 360 px phone records a visit with a need and a photo while the connection is down: the
 * visit waits on the phone (localStorage, photo included) and is sent by itself when the connection comes back. Screenshots in
 * target/screenshots/visit-*.png.
 */
class VisitPhoneBrowserTest extends ApiTest {

    private static final String MEMBER = "dangyuan-QS01006-1";
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
    void aVisitWithAPhotoRecordedOfflineIsSentWhenTheConnectionComesBack() throws Exception {
        JsonNode household = get(MEMBER, "/api/households?mine=true").getBody().get(0);
        long id = household.get("id").asLong();
        int visitsBefore = get(MEMBER, "/api/households/" + id).getBody().get("visits").size();
        phone.login(MEMBER, PASSWORD);
        phone.open("/visits/new?household=" + id);
        assertThat(phone.text("#visit-head")).isEqualTo(household.get("headName").asText());
        assertThat(phone.script("return document.documentElement.scrollWidth <= 360")).isEqualTo(true);

        phone.online(false);
        phone.find("#met").sendKeys("户主和老伴");
        phone.find("#notes").sendKeys("老两口身体尚可，院墙有裂缝");
        phone.find("#need0-title").sendKeys("院墙开裂有倒塌危险");
        phone.find("#need0-description").sendKeys("院墙东侧裂缝两指宽，下雨怕倒");
        phone.choose("#need0-category", "housing");
        Path photo = Files.write(Files.createTempFile("wall", ".png"), TestMedia.PNG);
        phone.find("#photo").sendKeys(photo.toAbsolutePath().toString());
        click("#visit-send");
        waitFor("return !document.getElementById('visit-status').hidden"
                + " && document.getElementById('visit-status').textContent.indexOf('没有网络') >= 0");
        phone.screenshot("visit-1-offline");
        assertThat(get(MEMBER, "/api/households/" + id).getBody().get("visits").size()).isEqualTo(visitsBefore);

        // kept on the phone, photo included, while the connection is down
        sleep(3500); // a retry comes and goes
        assertThat(phone.script("return JSON.parse(localStorage.getItem('minqing-visit-draft-" + id + "')).photo.name"))
                .isEqualTo(photo.getFileName().toString());
        assertThat(get(MEMBER, "/api/households/" + id).getBody().get("visits").size()).isEqualTo(visitsBefore);

        // back online: sent by itself
        phone.online(true);
        waitFor("return document.getElementById('visit-status').textContent.indexOf('已提交') >= 0");
        phone.screenshot("visit-2-sent");
        assertThat(phone.script("return localStorage.getItem('minqing-visit-draft-" + id + "')")).isNull();
        long visit = Long.parseLong((String) phone.script("return document.getElementById('visit-form').dataset.visit"));
        JsonNode recorded = get(MEMBER, "/api/visits/" + visit).getBody();
        assertThat(recorded.get("met").asText()).isEqualTo("户主和老伴");
        assertThat(recorded.get("attachments")).hasSize(1);
        String number = recorded.get("needs").get(0).get("caseNumber").asText();
        assertThat(get("admin", "/api/cases/" + number).getBody().get("channel").asText()).isEqualTo("visit");
    }

    private void click(String css) {
        var e = phone.find(css);
        phone.script("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    private void waitFor(String condition) {
        long end = System.currentTimeMillis() + 15_000;
        while (!Boolean.TRUE.equals(phone.script(condition))) {
            assertThat(System.currentTimeMillis()).as(condition).isLessThan(end);
            sleep(100);
        }
    }
}
