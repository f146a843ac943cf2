package cn.minqing.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code elasticsearch} health component, in place of Spring Boot's: the same question
 * ({@code GET /_cluster/health}), but with its own short timeouts, so that health answers within
 * about two seconds when Elasticsearch hangs instead of waiting out the client's 10 s socket timeout
 * that bulk indexing needs.
 */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealth extends AbstractHealthIndicator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestClient client;
    private final RequestOptions options;

    ElasticsearchHealth(RestClient client, @Value("${minqing.search.health-timeout:2s}") Duration timeout) {
        super("Elasticsearch health check failed");
        this.client = client;
        int millis = (int) timeout.toMillis();
        this.options = RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(millis).setSocketTimeout(millis).setConnectionRequestTimeout(millis).build()).build();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Request request = new Request("GET", "/_cluster/health/");
        request.setOptions(options);
        Response response = client.performRequest(request);
        JsonNode body = JSON.readTree(response.getEntity().getContent());
        if ("red".equals(body.path("status").asText())) {
            builder.outOfService();
        } else {
            builder.up();
        }
        builder.withDetails(JSON.convertValue(body, Map.class));
    }
}
