package cn.minqing.channels;

import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who is told on which channel ({@link ChannelChoice}); without a choice of their own, in the app only. */
@Repository
class ChannelChoices {

    private final JdbcClient jdbc;

    ChannelChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ChannelChoice of(String username) {
        return jdbc.sql("select in_app, sms, wechat, quiet_from, quiet_to from minqing.channel_choice where username = ?")
                .param(username).query(ChannelChoices::map).optional().orElse(ChannelChoice.APP_ONLY);
    }

    /** Stores a choice; fields left out keep what they were. Quiet hours are "HH:mm", both or neither. */
    ChannelChoice save(String username, ChannelChoice given) {
        ChannelChoice before = of(username);
        ChannelChoice.QuietHours quiet = given.quietHours() == null ? before.quietHours() : checked(given.quietHours());
        ChannelChoice c = new ChannelChoice(or(given.inApp(), before.inApp()), or(given.sms(), before.sms()),
                or(given.wechat(), before.wechat()), quiet);
        jdbc.sql("""
                insert into minqing.channel_choice (username, in_app, sms, wechat, quiet_from, quiet_to) values (?, ?, ?, ?, ?, ?)
                on conflict (username) do update set in_app = excluded.in_app, sms = excluded.sms, wechat = excluded.wechat,
                    quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to, updated_at = now()
                """).params(username, c.inApp(), c.sms(), c.wechat(), time(quiet, true), time(quiet, false)).update();
        return c;
    }

    /** 代办开户: a villager a cadre signed up, who may have no smartphone, hears by SMS unless they choose otherwise. */
    void smsByDefault(String username) {
        jdbc.sql("insert into minqing.channel_choice (username, in_app, sms) values (?, true, true) on conflict do nothing")
                .param(username).update();
    }

    /** Quiet hours {"from": "", "to": ""} clear them. */
    private static ChannelChoice.QuietHours checked(ChannelChoice.QuietHours q) {
        if (blank(q.from()) && blank(q.to())) {
            return null;
        }
        List<FieldProblem> problems = problems(q);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ChannelChoice.QuietHours(LocalTime.parse(q.from().strip()).toString(), LocalTime.parse(q.to().strip()).toString());
    }

    /** What is wrong with quiet hours, field by field: each a time "HH:mm", not both the same. */
    static List<FieldProblem> problems(ChannelChoice.QuietHours q) {
        List<FieldProblem> problems = new ArrayList<>();
        if (q == null || blank(q.from()) && blank(q.to())) {
            return problems;
        }
        parse(q.from(), "quietHours.from", problems);
        parse(q.to(), "quietHours.to", problems);
        if (problems.isEmpty() && q.from().strip().equals(q.to().strip())) {
            problems.add(new FieldProblem("quietHours.to", "channels.quietHours.empty"));
        }
        return problems;
    }

    private static void parse(String value, String field, List<FieldProblem> problems) {
        try {
            if (value == null || !value.strip().matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("not HH:mm", String.valueOf(value), 0);
            }
            LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "channels.quietHours.invalid"));
        }
    }

    private static Time time(ChannelChoice.QuietHours q, boolean from) {
        return q == null ? null : Time.valueOf(LocalTime.parse(from ? q.from() : q.to()));
    }

    private static Boolean or(Boolean given, Boolean before) {
        return given != null ? given : before;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ChannelChoice map(ResultSet rs, int row) throws SQLException {
        Time from = rs.getTime("quiet_from");
        Time to = rs.getTime("quiet_to");
        ChannelChoice.QuietHours quiet = from == null ? null
                : new ChannelChoice.QuietHours(from.toLocalTime().toString(), to.toLocalTime().toString());
        return new ChannelChoice(rs.getBoolean("in_app"), rs.getBoolean("sms"), rs.getBoolean("wechat"), quiet);
    }
}
