package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

/** Words for the same need find each other; admins add new ones without a rebuild. */
class SynonymSearchTest extends ApiTest {

    @Test
    void colloquialWordsFindTheSameNeed() {
        String wages = file("villager1", "包工头跑路", "在镇上工地干了三个月，工钱没给就跑了", "employment");
        String water = file("villager1", "三组吃水难", "三组这几天水龙头没水，吃水要去挑", "water");
        await(Duration.ofSeconds(5), "grid1", "/api/search?q=工钱没给&size=50",
                r -> r.get("hits").findValuesAsText("number").contains(wages));
        await(Duration.ofSeconds(5), "grid1", "/api/search?q=水龙头没水&size=50",
                r -> r.get("hits").findValuesAsText("number").contains(water));

        assertThat(numbers("欠薪")).contains(wages);
        assertThat(numbers("拖欠工资")).contains(wages);
        assertThat(numbers("自来水")).contains(water);
        assertThat(numbers("自来水")).doesNotContain(wages);
    }

    @Test
    void adminsExtendSynonymsAndSearchUsesThemAtOnce() {
        String number = file("villager1", "村里的狗咬人", "三组有条大黄狗见人就咬", "security");
        await(Duration.ofSeconds(5), "grid1", "/api/search?q=大黄狗&size=50",
                r -> r.get("hits").findValuesAsText("number").contains(number));
        assertThat(numbers("犬只伤人")).doesNotContain(number);

        List<String> groups = new ArrayList<>();
        get("admin", "/api/admin/synonyms").getBody().forEach(g -> groups.add(g.asText()));
        List<String> extended = new ArrayList<>(groups);
        extended.add("犬只伤人,狗咬人");
        try {
            assertThat(as("admin").exchange("/api/admin/synonyms", HttpMethod.PUT, new HttpEntity<>(extended), JsonNode.class)
                    .getStatusCode().value()).isEqualTo(200);
            assertThat(numbers("犬只伤人")).contains(number);
            assertThat(as("leader1").exchange("/api/admin/synonyms", HttpMethod.PUT, new HttpEntity<>(extended), JsonNode.class)
                    .getStatusCode().value()).isEqualTo(403);
        } finally {
            // the synonyms are shared by every search (and the relevance figures): put them back as they were
            assertThat(as("admin").exchange("/api/admin/synonyms", HttpMethod.PUT, new HttpEntity<>(groups), JsonNode.class)
                    .getStatusCode().value()).isEqualTo(200);
        }
        assertThat(numbers("犬只伤人")).doesNotContain(number);
    }

    private List<String> numbers(String q) {
        return get("grid1", "/api/search?size=50&q=" + q).getBody().get("hits").findValuesAsText("number");
    }
}
