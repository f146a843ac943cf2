package cn.minqing.support;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generates cases straight into PostgreSQL, in every shape the indicators must count: unsigned and
 * late-signed, returned, reworked, supervised, closed on time and late, without a deadline, rated
 * each way or not at all, open and overdue, rejected and merged, with supporters; spread over the
 * county's villages, categories and organisations. With {@code index}, each also goes on the search
 * outbox, so the real indexer ships it. Numbers are {@code prefix-1 .. prefix-n}.
 */
public final class GeneratedCases {

    private GeneratedCases() {
    }

    public static void insert(JdbcClient jdbc, String prefix, int count, OffsetDateTime newest, int spreadDays,
                              boolean index) {
        jdbc.sql("""
                with villages as (
                  -- the demo county's villages, each with its villager cunmin-<village>-3 as the reporter
                  select r.code from minqing.region r
                   where r.level = 'village'
                     and exists (select 1 from minqing.app_user u where u.username = 'cunmin-' || r.code || '-3'))
                insert into minqing.case_record (number, title, description, category_code, village_code, reporter, status,
                    handling_org, created_at, updated_at, sign_due, signed_at, resolve_due, closed_at, rating, returns, reworks,
                    supervisions, supporters)
                select :prefix || '-' || g, '生成样本', '为核对统计口径而生成的诉求', c.code, v.code, 'cunmin-' || v.code || '-3', s.status,
                       case when s.status not in ('received', 'rejected') then o.code end,
                       t.created, t.created,
                       case when s.status not in ('received', 'rejected') then t.created + interval '24 hours' end,
                       case when s.status not in ('received', 'rejected', 'dispatched')
                            then t.created + case when g % 5 = 0 then interval '30 hours' else interval '3 hours' end end,
                       case when s.status not in ('received', 'rejected') and g % 13 <> 0 then t.created + interval '7 days' end,
                       case when s.status in ('solved', 'unsolvable', 'rejected', 'merged')
                            then t.created + (g % 11) * interval '1 day' + (g % 5) * interval '1 hour' end,
                       case when s.status = 'solved' and g % 17 <> 0
                                 then (array['satisfied', 'basically', 'dissatisfied', 'no-response', 'satisfied'])[1 + (g / 10) % 5]
                            when s.status = 'unsolvable' and (g / 10) % 2 = 0 then 'dissatisfied' end,
                       case when s.status not in ('received', 'rejected') and g % 6 = 0 then 1 else 0 end,
                       case when s.status in ('solved', 'unsolvable', 'implementing') and g % 8 = 0 then 1 else 0 end,
                       case when g % 10 = 0 then 1 + g % 3 else 0 end,
                       g % 4
                  from generate_series(1, :n) g
                  cross join lateral (select code from minqing.category order by code
                                      offset (g % (select count(*) from minqing.category)) limit 1) c
                  cross join lateral (select code from villages order by code
                                      offset ((g * 7) % (select count(*) from villages)) limit 1) v
                  cross join lateral (select code from minqing.organisation order by code
                                      offset ((g * 3) % (select count(*) from minqing.organisation)) limit 1) o
                  cross join lateral (select (array['received', 'dispatched', 'investigating', 'implementing', 'solved', 'solved',
                                      'solved', 'unsolvable', 'rejected', 'merged'])[1 + g % 10] as status) s
                  cross join lateral (select cast(:newest as timestamptz) - (g % :spread) * interval '1 day'
                                             - (g % 24) * interval '1 hour' as created) t
                """).param("prefix", prefix).param("n", count).param("newest", newest).param("spread", spreadDays).update();
        if (index) {
            jdbc.sql("insert into minqing.search_outbox (case_number) select number from minqing.case_record where number like ?")
                    .param(prefix + "-%").update();
        }
        jdbc.sql("analyze minqing.case_record").update();
    }

    /**
     * Issue 18's shapes on generated cases: some rejected ones become direct answers (直接答复, closed at intake, half of
     * them rated), some dispatched ones an approved extension (延期) of five days, so that on-time differs between the
     * original and the approved deadline. The changed cases are queued for indexing again.
     */
    public static void addHotlineShapes(JdbcClient jdbc, String prefix) {
        jdbc.sql("""
                update minqing.case_record set status = 'answered', outcome_note = '已直接答复',
                       rating = case when substring(number from '[0-9]+$')::int % 2 = 0 then 'satisfied' end
                 where number like :like and status = 'rejected' and substring(number from '[0-9]+$')::int % 3 = 0
                """).param("like", prefix + "-%").update();
        jdbc.sql("""
                update minqing.case_record set resolve_due_original = resolve_due, resolve_due = resolve_due + interval '5 days',
                       extensions = 1
                 where number like :like and resolve_due is not null and substring(number from '[0-9]+$')::int % 7 = 0
                """).param("like", prefix + "-%").update();
        jdbc.sql("""
                insert into minqing.search_outbox (case_number) select number from minqing.case_record
                 where number like :like and (status = 'answered' or extensions > 0)
                """).param("like", prefix + "-%").update();
    }
}
