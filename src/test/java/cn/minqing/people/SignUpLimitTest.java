package cn.minqing.people;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Self sign-up is limited per client address (an hour) and per village (a day): 429 problem+json beyond. */
class SignUpLimitTest extends ApiTest {

    @Value("${minqing.registration.per-address-per-hour}")
    int perAddress;

    @Value("${minqing.registration.per-village-per-day}")
    int perVillage;

    @Test
    void oneAddressRegistersOnlySoManyAccountsAnHour() {
        String address = newAddress();
        for (int i = 0; i < perAddress; i++) {
            assertThat(register(address, "QS01004").getStatusCode().value()).isEqualTo(201);
        }
        ResponseEntity<JsonNode> refused = register(address, "QS01004");
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("detail").asText()).contains("注册的账号太多");
        assertThat(register(newAddress(), "QS01004").getStatusCode().value()).as("another address").isEqualTo(201);
    }

    @Test
    void oneVillageTakesOnlySoManySignUpsADay() {
        for (int i = 0; i < perVillage; i++) {
            assertThat(register(newAddress(), "QS05006").getStatusCode().value()).isEqualTo(201);
        }
        ResponseEntity<JsonNode> refused = register(newAddress(), "QS05006");
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getBody().get("detail").asText()).contains("这个村今天注册的账号太多");
        assertThat(post("grid-QS05006", "/api/people/villagers", Map.of("phone", newPhone(), "password", "daiban-2026",
                "displayName", "代办", "villageCode", "QS05006")).getStatusCode().value())
                .as("a cadre still opens accounts (代办开户)").isEqualTo(201);
    }

    private ResponseEntity<JsonNode> register(String address, String village) {
        return rest.exchange("/api/register", HttpMethod.POST, new HttpEntity<>(Map.of("phone", newPhone(),
                "password", "zhuce-2026", "displayName", "注册", "villageCode", village), from(address)), JsonNode.class);
    }
}
