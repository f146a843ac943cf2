package cn.minqing.notify;

import cn.minqing.cases.CaseStatusChanged;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the reporter and the supporters (附议) of a case when it changes, inside the app: written in
 * the same transaction as the change, read with an unread count.
 */
@Service
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void caseChanged(CaseStatusChanged change) {
        String text = "您反映的问题 " + change.caseNumber() + " 现在：" + change.status().nameZh();
        jdbc.sql("""
                insert into minqing.notification (username, case_number, status, text)
                select c.reporter, c.number, ?, ? from minqing.case_record c where c.number = ?
                union
                select s.username, c.number, ?, ? from minqing.case_supporter s
                  join minqing.case_record c on c.id = s.case_id where c.number = ?
                """).params(change.status().code(), text, change.caseNumber(),
                        change.status().code(), text.replace("您反映的问题", "您附议的问题"), change.caseNumber())
                .update();
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
