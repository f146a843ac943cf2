package cn.minqing.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whatever X-Forwarded-For says, a write succeeds and its audit row carries an address that fits. */
class AuditAddressTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMalformedOrLongForwardedForNeverFailsAWrite() {
        for (String header : new String[] {"x".repeat(70), "1.2.3.999, <script>", "203.0.113.77", "2001:db8::1:2"}) {
            HttpHeaders headers = new HttpHeaders();
            headers.set("X-Forwarded-For", header);
            headers.set("Idempotency-Key", "xff-" + System.nanoTime());
            ResponseEntity<JsonNode> filed = as("villager1").exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(
                    Map.of("title", "审计地址测试", "description", "看审计记录的来源地址", "category", "other"), headers), JsonNode.class);
            assertThat(filed.getStatusCode().value()).as(header).isEqualTo(201);
            String address = jdbc.sql("select address from minqing.audit_log where target = ? and action = 'case.filed'")
                    .param(filed.getBody().get("number").asText()).query(String.class).single();
            if (header.startsWith("203.") || header.startsWith("2001:")) {
                assertThat(address).as(header).isEqualTo(header);
            } else {
                assertThat(address).as(header).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            }
        }
    }
}
