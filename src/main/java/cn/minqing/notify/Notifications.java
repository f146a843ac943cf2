package cn.minqing.notify;

import cn.minqing.cases.CaseStatusChanged;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the reporter and the supporters (附议) of a case, inside the app, only what a villager needs to hear
 * ({@link NotableChange}): accepted and handed to an organisation, handed on, done and asking for a rating (the
 * supporters: closed), sent back for rework, not accepted (with the reason), merged. Each message names the case by
 * its title and says what happens next. Written in the same transaction as the change, read with an unread count;
 * not for people who turned the app off as a channel (cn.minqing.channels: texts and WeChat).
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;
    private final NotableChange notable;

    Notifications(JdbcClient jdbc, NotableChange notable) {
        this.jdbc = jdbc;
        this.notable = notable;
    }

    @EventListener
    void caseChanged(CaseStatusChanged change) {
        notable.messages(change).ifPresent(m -> tell(change.caseNumber(), change.status().code(), m));
    }

    /** 挂账 and its end: the reporter and the supporters hear the plan (if public) and the date. */
    @EventListener
    void deferralChanged(cn.minqing.plans.CaseDeferralChanged change) {
        notable.deferral(change).ifPresent(m -> tell(change.caseNumber(), change.deferred() ? "deferred" : "resumed", m));
    }

    private void tell(String caseNumber, String status, NotableChange.Messages m) {
        if (m.toReporter() != null) {
            jdbc.sql("""
                    insert into minqing.notification (username, case_number, status, text)
                    select c.reporter, c.number, ?, ? from minqing.case_record c where c.number = ?
                       and not exists (select 1 from minqing.channel_choice p where p.username = c.reporter and not p.in_app)
                    """).params(status, m.toReporter(), caseNumber).update();
        }
        if (m.toSupporters() != null) {
            jdbc.sql("""
                    insert into minqing.notification (username, case_number, status, text)
                    select s.username, c.number, ?, ? from minqing.case_supporter s
                      join minqing.case_record c on c.id = s.case_id
                     where c.number = ? and s.username <> c.reporter
                       and not exists (select 1 from minqing.channel_choice p where p.username = s.username and not p.in_app)
                    """).params(status, m.toSupporters(), caseNumber).update();
        }
    }

    @Transactional(readOnly = true)
    public List<Notification> of(String username, boolean unreadOnly, int limit) {
        return jdbc.sql("""
                select id, case_number, status, text, created_at, read_at from minqing.notification
                 where username = ? and (not ? or read_at is null) order by id desc limit ?
                """).params(username, unreadOnly, limit).query(Notification.class).list();
    }

    @Transactional(readOnly = true)
    public long unread(String username) {
        return jdbc.sql("select count(*) from minqing.notification where username = ? and read_at is null")
                .param(username).query(Long.class).single();
    }

    @Transactional
    public int markRead(String username) {
        return jdbc.sql("update minqing.notification set read_at = now() where username = ? and read_at is null")
                .param(username).update();
    }
}
