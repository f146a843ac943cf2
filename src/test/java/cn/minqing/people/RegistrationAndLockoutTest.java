package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

class RegistrationAndLockoutTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVillagerRegistersWithAPhoneNumberAndSignsIn() {
        String phone = newPhone();
        ResponseEntity<JsonNode> created = rest.postForEntity("/api/register",
                Map.of("phone", phone, "password", "mima12345", "displayName", "王桂兰", "villageCode", "QS01002"), JsonNode.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);

        JsonNode me = rest.withBasicAuth(phone, "mima12345").getForEntity("/api/me", JsonNode.class).getBody();
        assertThat(me.get("roles").get(0).asText()).isEqualTo("VILLAGER");
        assertThat(me.get("villageCode").asText()).isEqualTo("QS01002");
        assertThat(jdbc.sql("select count(*) from minqing.audit_log where action = 'account.registered' and target = ?")
                .param(phone).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badSignUpsAreRefusedWithEveryFieldNamed() {
        ResponseEntity<JsonNode> bad = rest.postForEntity("/api/register",
                Map.of("phone", "12345", "password", "short", "displayName", "", "villageCode", "XX"), JsonNode.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("phone", "password", "displayName", "villageCode");

        String phone = newPhone();
        Map<String, String> form = Map.of("phone", phone, "password", "mima12345", "displayName", "李四", "villageCode", "QS01001");
        assertThat(rest.postForEntity("/api/register", form, JsonNode.class).getStatusCode().value()).isEqualTo(201);
        assertThat(rest.postForEntity("/api/register", form, JsonNode.class).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void fiveWrongPasswordsHoldBackTheGuessingAddressNotTheAccount() {
        String phone = newPhone();
        rest.postForEntity("/api/register",
                Map.of("phone", phone, "password", "mima12345", "displayName", "赵六", "villageCode", "QS01001"), JsonNode.class);
        String guesser = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(getFrom(guesser, phone, "wrong-" + i, "/api/me").getStatusCode().value()).isEqualTo(401);
        }
        assertThat(getFrom(guesser, phone, "mima12345", "/api/me").getStatusCode().value())
                .as("refused even with the right password, from that address").isEqualTo(429);
        assertThat(rest.withBasicAuth(phone, "mima12345").getForEntity("/api/me", String.class).getStatusCode().value())
                .as("the owner elsewhere is not locked out").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from minqing.audit_log where action = 'login.throttled' and target = ?")
                .param(phone).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void caseChangesAreAudited() {
        String number = file("villager1", "审计测试", "记录谁在何时做了什么", "other");
        JsonNode row = jdbc.sql("select actor, action, address from minqing.audit_log where target = ? and action = 'case.filed'")
                .param(number).query((rs, i) -> new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                        .put("actor", rs.getString(1)).put("address", rs.getString(3))).single();
        assertThat(row.get("actor").asText()).isEqualTo("villager1");
        assertThat(row.get("address").asText()).isNotBlank();
    }
}
