package cn.minqing.channels;

import cn.minqing.cases.CaseClock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 回访 by text: a case waiting for its reporter's 1, 2 or 3. */
@Repository
class RatingRequests {

    private final JdbcClient jdbc;

    RatingRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void ask(String caseNumber, String username) {
        jdbc.sql("""
                insert into minqing.rating_request (case_number, username, requested_at) values (?, ?, ?)
                on conflict (case_number) do update set username = excluded.username, requested_at = excluded.requested_at,
                    answered_at = null
                """).params(caseNumber, username, CaseClock.now()).update();
    }

    /** The case left 回访 (rated on the page, by text, or no answer in time): no longer waiting. */
    void close(String caseNumber) {
        jdbc.sql("update minqing.rating_request set answered_at = ? where case_number = ? and answered_at is null")
                .params(CaseClock.now(), caseNumber).update();
    }

    /** The case this person was last asked to rate and has not yet, if any. */
    Optional<String> pendingOf(String username) {
        return jdbc.sql("""
                select r.case_number from minqing.rating_request r join minqing.case_record c on c.number = r.case_number
                 where r.username = ? and r.answered_at is null
                   and (c.status = 'awaiting-feedback' or (c.status = 'answered' and c.rating is null))
                 order by r.requested_at desc limit 1
                """).param(username).query(String.class).optional();
    }
}
