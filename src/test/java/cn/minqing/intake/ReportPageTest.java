package cn.minqing.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.people.Role;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.ApiTest;
import cn.minqing.support.TestMedia;
import cn.minqing.support.WebSession;
import cn.minqing.support.WebSession.FilePart;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The report page as a phone sends it: up to nine files, the tenth refused with a message while the nine are kept
 * for the next try; a refused form keeps its files for its sender only; the nearest village by coordinates;
 * sign-in with the mobile number.
 */
class ReportPageTest extends ApiTest {

    private static final Pattern KEPT = Pattern.compile("name=\"keep\" value=\"(\\d+)\"");
    private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void theReportPageTakesNinePhotosAndRefusesTheTenthKeepingTheNine() {
        WebSession phone = signedIn("villager1");
        List<FilePart> ten = IntStream.rangeClosed(1, 10)
                .mapToObj(i -> new FilePart("file", "photo" + i + ".png", TestMedia.PNG)).toList();
        HttpResponse<String> refused = phone.submitMultipart("/report", "/report", fields("九张照片的问题", null), ten);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("一次最多上传9个照片、视频或语音，多出的1个没有收下", "九张照片的问题");
        List<String> kept = all(KEPT, refused.body());
        assertThat(kept).hasSize(9);
        assertThat(phone.get("/report/uploads/" + kept.get(0)).statusCode()).isEqualTo(200);

        List<Map.Entry<String, String>> again = fields("九张照片的问题", token(refused.body()));
        kept.forEach(id -> again.add(Map.entry("keep", id)));
        HttpResponse<String> filed = phone.submitMultipart("/report", "/report", again, List.of());
        String location = WebSession.location(filed);
        assertThat(location).as(filed.body()).matches("/workbench/cases/QS-\\d{8}-\\d{4}\\?filed");
        String number = location.replaceAll("^/workbench/cases/([^?]+).*$", "$1");
        JsonNode attachments = get("villager1", "/api/cases/" + number + "/attachments").getBody();
        assertThat(attachments).hasSize(9);
        assertThat(attachments.get(0).get("kind").asText()).isEqualTo("photo");
        assertThat(phone.get("/report/uploads/" + kept.get(0)).statusCode()).as("moved to the case").isEqualTo(404);
    }

    @Test
    void aRefusedFormKeepsItsPhotosForItsSenderOnlyAndNamesEveryWrongField() {
        WebSession phone = signedIn("villager1");
        HttpResponse<String> refused = phone.submitMultipart("/report", "/report", fields("", null),
                List.of(new FilePart("file", "a.png", TestMedia.PNG), new FilePart("file", "note.txt", "不是照片".getBytes()),
                        new FilePart("file", "b.png", TestMedia.PNG)));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("请填写标题", "文件“note.txt”不是可以接收的照片", "水管破了，三组停水");
        List<String> kept = all(KEPT, refused.body());
        assertThat(kept).hasSize(2);

        assertThat(signedIn("villager2").get("/report/uploads/" + kept.get(0)).statusCode()).isEqualTo(404);
        assertThat(as("grid1").getForEntity("/report/uploads/" + kept.get(0), String.class).getStatusCode().value())
                .isEqualTo(404);

        // one removed (its keep field left out), a title added: the case gets the other photo only
        List<Map.Entry<String, String>> again = fields("三组停水了", token(refused.body()));
        again.add(Map.entry("keep", kept.get(1)));
        String location = WebSession.location(phone.submitMultipart("/report", "/report", again, List.of()));
        String number = location.replaceAll("^/workbench/cases/([^?]+).*$", "$1");
        assertThat(get("villager1", "/api/cases/" + number + "/attachments").getBody()).hasSize(1);
    }

    @Test
    void theSameFormSentTwiceFilesOneCase() {
        WebSession phone = signedIn("villager1");
        String token = token(phone.get("/report").body());
        String first = WebSession.location(phone.submitMultipart("/report", "/report", fields("路灯坏了", token),
                List.of(new FilePart("file", "lamp.png", TestMedia.PNG))));
        String second = WebSession.location(phone.submitMultipart("/report", "/report", fields("路灯坏了", token),
                List.of()));
        assertThat(second).isEqualTo(first);
        String number = first.replaceAll("^/workbench/cases/([^?]+).*$", "$1");
        assertThat(get("villager1", "/api/cases/" + number + "/attachments").getBody()).hasSize(1);
    }

    @Test
    void theNearestVillageIsFoundByCoordinatesAndBadCoordinatesAreNamed() {
        JsonNode lijia = null;
        for (JsonNode v : get("villager1", "/api/regions").getBody()) {
            if (v.get("code").asText().equals("QS01001")) {
                lijia = v;
            }
        }
        assertThat(lijia).isNotNull();
        double lat = lijia.get("lat").asDouble() + 0.001;
        double lon = lijia.get("lon").asDouble();
        JsonNode nearest = get("villager1", "/api/regions/nearest?lat=" + lat + "&lon=" + lon).getBody();
        assertThat(nearest.get("code").asText()).isEqualTo("QS01001");
        assertThat(nearest.get("name").asText()).isEqualTo("李家村");
        assertThat(nearest.get("township").asText()).isEqualTo("石门镇");
        assertThat(nearest.get("distanceMeters").asLong()).isBetween(80L, 140L);

        // the report page asks on its own path, outside the stateless API
        ResponseEntity<JsonNode> page = as("villager2").getForEntity("/regions/nearest?lat=" + lat + "&lon=" + lon, JsonNode.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody().get("name").asText()).isEqualTo("李家村");

        ResponseEntity<JsonNode> bad = get("villager1", "/api/regions/nearest?lat=200&lon=500");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().toString()).contains("lat", "lon", "纬度应在", "经度应在");
        ResponseEntity<JsonNode> words = get("villager1", "/api/regions/nearest?lat=north&lon=1");
        assertThat(words.getStatusCode().value()).isEqualTo(400);
        assertThat(words.getBody().toString()).contains("lat").doesNotContain("Exception");
        assertThat(get("villager1", "/api/regions/nearest?lon=1").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aVillagerSignsInWithTheirMobileNumberAndTheDemoUsersWithTheirNames() {
        String phone = newPhone();
        String username = "imported-" + phone;
        accounts.create(username, encoder.encode("wang-2026-ok"), "王大伯", Set.of(Role.VILLAGER), "QS01001", null);
        accounts.setPhone(username, phone);

        WebSession byPhone = webSession(newAddress());
        assertThat(WebSession.location(byPhone.login(phone, "wang-2026-ok"))).isEqualTo("/");
        assertThat(byPhone.get("/account").body()).contains("王大伯", phone, "李家村", "长辈模式");
        assertThat(WebSession.location(webSession(newAddress()).login(username, "wang-2026-ok"))).isEqualTo("/");
        assertThat(WebSession.location(webSession(newAddress()).login(phone, "wrong-password"))).startsWith("/login?error");
        assertThat(WebSession.location(webSession(newAddress()).login("villager1", PASSWORD))).isEqualTo("/");
        assertThat(webSession(newAddress()).get("/login").body()).contains("手机号/用户名");
    }

    private WebSession signedIn(String user) {
        WebSession session = webSession(newAddress());
        assertThat(WebSession.location(session.login(user, PASSWORD))).isEqualTo("/");
        return session;
    }

    private static List<Map.Entry<String, String>> fields(String title, String token) {
        List<Map.Entry<String, String>> f = new ArrayList<>(List.of(Map.entry("category", "water"),
                Map.entry("title", title), Map.entry("description", "水管破了，三组停水两天了。"),
                Map.entry("villageCode", "QS01001"), Map.entry("address", "三组"), Map.entry("lat", ""), Map.entry("lon", "")));
        if (token != null) {
            f.add(Map.entry("formToken", token));
        }
        return f;
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("form token on the page").isTrue();
        return m.group(1);
    }

    private static List<String> all(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
