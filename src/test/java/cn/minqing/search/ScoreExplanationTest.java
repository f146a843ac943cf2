package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The relevance work's diagnostic (docs/relevance.md): a query named in {@code minqing.search.explain} has its first
 * hits' scores explained in the log, clause by clause; the searcher's answer never carries it, and a query not named
 * is not explained.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScoreExplanationTest extends ApiTest {

    @Test
    void aNamedQuerysFirstHitsAreExplainedInTheLogAndNowhereElse(CapturedOutput output) {
        String number = file("villager1", "晒谷坪裂开一道口子", "村口晒谷坪裂开一道大口子，稻谷漏进去扫不出来", "other");
        await(Duration.ofSeconds(10), "leader1", "/api/search?size=50&q=晒谷坪裂开",
                r -> r.get("hits").findValuesAsText("number").contains(number));
        String answer;
        System.setProperty("minqing.search.explain", "晒谷坪裂开");
        try {
            answer = get("leader1", "/api/search?size=50&q=晒谷坪裂开").getBody().toString();
            get("leader1", "/api/search?size=50&q=稻谷漏进去");
        } finally {
            System.clearProperty("minqing.search.explain");
        }
        assertThat(answer).contains(number).doesNotContain("sum of").doesNotContain("weight(");
        assertThat(output.getOut()).contains("explain 晒谷坪裂开 (ALL_WORDS)").contains("== " + number + " 晒谷坪裂开一道口子")
                .contains("weight(title").doesNotContain("explain 稻谷漏进去");
    }
}
