package cn.minqing.channels;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For admins (under /api/admin): the texts and WeChat messages of a person or a case, each with its tries and
 * receipts, newest first. No numbers: the outbox holds none.
 */
@RestController
class OutboxAdminController {

    record Attempt(OffsetDateTime at, String outcome, String detail) {
    }

    record Message(UUID id, String username, String channel, String event, String caseNumber, String template,
                   String text, String status, int attempts, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt,
                   OffsetDateTime acceptedAt, OffsetDateTime deliveredAt, List<Attempt> tries) {
    }

    private record Row(UUID id, String username, String channel, String event, String caseNumber, String template,
                       String text, String status, int attempts, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt,
                       OffsetDateTime acceptedAt, OffsetDateTime deliveredAt) {
    }

    private final JdbcClient jdbc;

    OutboxAdminController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/admin/channels/messages")
    @Transactional(readOnly = true)
    List<Message> messages(@RequestParam(required = false) String username, @RequestParam(required = false) String caseNumber) {
        return jdbc.sql("""
                select id, username, channel, event, case_number, template, text, status, attempts, created_at,
                       next_attempt_at, accepted_at, delivered_at
                  from minqing.outbound_message
                 where (cast(? as varchar) is null or username = ?) and (cast(? as varchar) is null or case_number = ?)
                 order by created_at desc, id limit 200
                """).params(username, username, caseNumber, caseNumber).query(Row.class).list().stream()
                .map(r -> new Message(r.id(), r.username(), r.channel(), r.event(), r.caseNumber(), r.template(), r.text(),
                        r.status(), r.attempts(), r.createdAt(), r.nextAttemptAt(), r.acceptedAt(), r.deliveredAt(), tries(r.id())))
                .toList();
    }

    private List<Attempt> tries(UUID id) {
        return jdbc.sql("select at, outcome, detail from minqing.outbound_attempt where message_id = ? order by id")
                .param(id).query(Attempt.class).list();
    }
}
