package cn.minqing.casework;

import cn.minqing.cases.PeopleOnCase;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * People on the workbench by their display name (刘志强（石门镇）), never by their user name (township1) or, for a
 * villager, the mobile number they sign in with. Works on names {@link PeopleOnCase} has already chosen for the
 * viewer: 匿名群众 and 群众 pass through unchanged, so anonymity is decided in one place only.
 */
@Component
class PeopleNames {

    static final String SYSTEM = "system";
    private final JdbcClient jdbc;

    PeopleNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Display name for each user name given; "system" is 系统; anything unknown is 工作人员, never the code. */
    Map<String, String> of(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        String[] wanted = usernames.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        jdbc.sql("select username, display_name from minqing.app_user where username = any(?)").param(wanted)
                .query((rs, n) -> names.put(rs.getString("username"), rs.getString("display_name"))).list();
        for (String u : wanted) {
            names.computeIfAbsent(u, PeopleNames::unknown);
        }
        return names;
    }

    private static String unknown(String name) {
        if (SYSTEM.equals(name)) {
            return "系统";
        }
        return PeopleOnCase.ANONYMOUS.equals(name) || PeopleOnCase.NEIGHBOUR.equals(name) ? name : "工作人员";
    }
}
