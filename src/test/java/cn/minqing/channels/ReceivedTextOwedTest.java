package cn.minqing.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minqing.intake.CaseFiling;
import cn.minqing.intake.CaseReport;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The "received" (收到) text a filing owes its reporter (issue 16): the filing writes one row and reads nothing for
 * it; the sender turns it into the outbox's text after the commit, once; a filing that rolls back owes nothing; an
 * anonymous reporter's text goes to them alone.
 */
class ReceivedTextOwedTest extends ChannelTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseFiling filing;

    @Autowired
    UserAccounts accounts;

    @Test
    void theFilingOwesOneRowThatTheNextPassTurnsIntoOneText() {
        String phone = smsVillager();
        String number = file(phone, "水塔漏水了", "村里的水塔漏水，一直在流", "water");
        // committed with the case and nothing more: the sender here is off, as after an app that died after the commit
        assertThat(owed(number)).isEqualTo(1);
        assertThat(outboxOf(phone)).isEmpty();

        sender.sendDue(); // the next pass, of this instance or any other with a gateway
        assertThat(owed(number)).isZero();
        assertThat(events(outboxOf(phone))).containsExactly("received");
        assertThat(GATEWAY.textsTo(phone)).extracting(t -> t.path("text").asText())
                .containsExactly("您反映的“水塔漏水了”已收到，编号" + number + "。");
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).hasSize(1);
    }

    @Test
    void aFilingThatRollsBackOwesNothing() {
        String phone = smsVillager();
        CurrentUser villager = accounts.find(phone).orElseThrow().user();
        long before = jdbc.sql("select count(*) from minqing.channel_message_due").query(Long.class).single();
        CaseReport report = new CaseReport("屋后塌方", "屋后的土坡塌了一块", "housing", null, null, null, null, null, null);
        assertThatThrownBy(() -> filing.file(report, villager, null, filed -> {
            throw new IllegalStateException("the upload could not be stored");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.sql("select count(*) from minqing.channel_message_due").query(Long.class).single()).isEqualTo(before);
        assertThat(get(phone, "/api/cases").getBody()).isEmpty();
        sender.sendDue();
        assertThat(GATEWAY.requestsFor(phone)).isEmpty();
    }

    @Test
    void anAnonymousReportersTextGoesToThemAlone() {
        String phone = smsVillager();
        ResponseEntity<JsonNode> filed = post(phone, "/api/cases", Map.of("title", "夜里有人偷倒垃圾", "description",
                "每天夜里有车往河边倒垃圾", "category", "sanitation", "anonymous", true));
        String number = filed.getBody().path("number").asText();
        sender.sendDue();
        assertThat(GATEWAY.textsTo(phone)).hasSize(1);
        assertThat(jdbc.sql("select distinct username from minqing.outbound_message where case_number = ?").param(number)
                .query(String.class).list()).containsExactly(phone);
    }

    private long owed(String number) {
        return jdbc.sql("select count(*) from minqing.channel_message_due where case_number = ?").param(number)
                .query(Long.class).single();
    }
}
