package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A case Elasticsearch refuses (here: a latitude of 999, which a geo_point rejects) is tried ten
 * times at once, then its outbox row is stuck: shown in health, retried after 2 minutes, then 4, and
 * shipped as soon as the case can be indexed again. The waiting is skipped by moving the row's
 * next attempt to now, as the passing of time would.
 */
class StuckOutboxRetryTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    record Row(int attempts, Double dueInSeconds) {
    }

    @Test
    void aRefusedCaseIsRetriedOnAGrowingScheduleAndShippedOnceItCanBe() {
        String number = file("villager1", "卡住的索引记录测试", "村头水渠堵塞，灌溉用水过不去", "irrigation");
        awaitRow(number, Optional::isEmpty, "the case is indexed first");

        try {
            jdbc.sql("update minqing.case_record set lat = 999, lon = 120 where number = ?").param(number).update();
            jdbc.sql("insert into minqing.search_outbox (case_number) values (?)").param(number).update();
            Row stuck = awaitRow(number, r -> r.isPresent() && r.get().attempts() >= 10, "ten fast attempts").orElseThrow();
            assertThat(stuck.attempts()).isEqualTo(10);
            assertThat(stuck.dueInSeconds()).as("the first slow retry waits the base, 2 minutes").isBetween(100.0, 125.0);

            JsonNode outbox = get("admin", "/actuator/health").getBody().at("/components/searchOutbox");
            assertThat(outbox.get("status").asText()).as("stuck rows do not make the app DOWN").isEqualTo("UP");
            assertThat(outbox.at("/details/stuck").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(outbox.at("/details/oldestStuckSeconds").isNumber()).isTrue();
            assertThat(outbox.at("/details/nextStuckRetryInSeconds").asLong()).isPositive();

            dueNow(number); // two minutes later: refused again, and the pause doubles
            Row again = awaitRow(number, r -> r.isPresent() && r.get().attempts() == 11, "the slow retry").orElseThrow();
            assertThat(again.dueInSeconds()).isBetween(220.0, 245.0);
        } finally {
            // repaired whatever happened above: the broken row must not stay stuck in the shared outbox for later tests
            jdbc.sql("update minqing.case_record set lat = null, lon = null where number = ?").param(number).update();
            dueNow(number);
        }
        awaitRow(number, Optional::isEmpty, "the repaired case is shipped at its next retry");
        JsonNode found = await(Duration.ofSeconds(10), "villager1", "/api/search?q=水渠堵塞&size=50",
                r -> r.has("hits") && r.get("hits").findValuesAsText("number").contains(number));
        assertThat(found.get("hits").findValuesAsText("number")).contains(number);
    }

    private void dueNow(String number) {
        jdbc.sql("update minqing.search_outbox set next_attempt_at = now() where case_number = ?").param(number).update();
    }

    private Optional<Row> row(String number) {
        return jdbc.sql("""
                select max(attempts) as attempts, extract(epoch from max(next_attempt_at) - now())::float8 as due_in_seconds
                  from minqing.search_outbox where case_number = ? having count(*) > 0
                """).param(number).query(Row.class).optional();
    }

    private Optional<Row> awaitRow(String number, java.util.function.Predicate<Optional<Row>> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Optional<Row> last = row(number);
        while (!condition.test(last)) {
            assertThat(System.nanoTime()).as(what + " within 20 s; last row: " + last).isLessThan(deadline);
            sleep(100);
            last = row(number);
        }
        return last;
    }
}
