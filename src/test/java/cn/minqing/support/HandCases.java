package cn.minqing.support;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cases written straight into PostgreSQL with exact times, for tests whose expected numbers are
 * worked out by hand. Every time is given in hours after the case was filed; null leaves the
 * column empty. Numbers start with a prefix of the test's own, so that the test can remove them.
 */
public final class HandCases {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private HandCases() {
    }

    /** One case: where, what, how it went; hours after filing for each time, null when it never happened. */
    public record Case(String number, String village, String category, String status, OffsetDateTime created,
                       Integer signDueH, Integer signedH, Integer resolveDueH, Integer closedH, String rating,
                       int returns, int reworks, int supervisions, int supporters, String description) {

        public Case withDescription(String text) {
            return new Case(number, village, category, status, created, signDueH, signedH, resolveDueH, closedH, rating,
                    returns, reworks, supervisions, supporters, text);
        }
    }

    /** 09:00 in the county on the given day. */
    public static OffsetDateTime morningOf(int year, int month, int day) {
        return java.time.LocalDate.of(year, month, day).atTime(9, 0).atZone(ZONE).toOffsetDateTime();
    }

    public static void insert(JdbcClient jdbc, List<Case> cases) {
        for (Case c : cases) {
            String township = c.village().substring(0, 4);
            jdbc.sql("""
                    insert into minqing.case_record (number, title, description, category_code, village_code, reporter, status,
                        handling_org, created_at, updated_at, sign_due, signed_at, resolve_due, closed_at, rating, returns,
                        reworks, supervisions, supporters)
                    values (?, '手算样本', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(c.number(), c.description() == null ? "为手算核对统计口径而写入的诉求" : c.description(),
                    c.category(), c.village(), "cunmin-" + c.village() + "-3", c.status(),
                    c.signDueH() == null ? null : township + "-GOV", c.created(), c.created(),
                    at(c, c.signDueH()), at(c, c.signedH()), at(c, c.resolveDueH()), at(c, c.closedH()), c.rating(),
                    c.returns(), c.reworks(), c.supervisions(), c.supporters()).update();
        }
    }

    /** Puts the cases on the search outbox, so that the real indexer ships them. */
    public static void index(JdbcClient jdbc, String prefix) {
        jdbc.sql("insert into minqing.search_outbox (case_number) select number from minqing.case_record where number like ?")
                .param(prefix + "%").update();
    }

    /** Removes the cases (and any outbox rows for them) from PostgreSQL. */
    public static void delete(JdbcClient jdbc, String prefix) {
        jdbc.sql("delete from minqing.search_outbox where case_number like ?").param(prefix + "%").update();
        jdbc.sql("delete from minqing.case_record where number like ?").param(prefix + "%").update();
    }

    private static OffsetDateTime at(Case c, Integer hours) {
        return hours == null ? null : c.created().plusHours(hours);
    }
}
