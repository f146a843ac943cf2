package cn.minqing.cases;

import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How the people on a case are named to one viewer. Two promises to villagers live here:
 * <ul>
 *   <li>匿名: only admins (and the reporter) learn who filed an anonymous report; to everyone else the
 *       reporter is 匿名群众, wherever their name, user name or phone would appear (actor, uploader, notes);</li>
 *   <li>a villager never sees another villager's user name or phone (self-registered villagers sign in with
 *       their mobile number): neighbours on their case (supporters 附议) are 群众.</li>
 * </ul>
 */
@Component
public class PeopleOnCase {

    public static final String ANONYMOUS = "匿名群众";
    public static final String NEIGHBOUR = "群众";

    private final JdbcClient jdbc;

    PeopleOnCase(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The naming of this case's people for this viewer. */
    public Naming forViewer(CaseRecord c, CurrentUser viewer) {
        boolean hidesReporter = c.anonymous() && !viewer.is(Role.ADMIN) && !viewer.username().equals(c.reporter());
        List<String> reporterIds = hidesReporter ? identifiersOf(c.reporter()) : List.of();
        return new Naming(this, viewer, c.reporter(), hidesReporter, reporterIds);
    }

    private List<String> identifiersOf(String username) {
        List<String> ids = new ArrayList<>(List.of(username));
        jdbc.sql("select display_name, phone from minqing.app_user where username = ?").param(username)
                .query((rs, n) -> {
                    ids.add(rs.getString("display_name"));
                    ids.add(rs.getString("phone"));
                    return n;
                }).list();
        // the longest first, so a phone number is replaced before a name it might contain; one-character names are no identifiers
        return ids.stream().filter(Objects::nonNull).map(String::strip).filter(s -> s.length() >= 2).distinct()
                .sorted((a, b) -> b.length() - a.length()).toList();
    }

    private boolean isVillagerOnly(String username) {
        return jdbc.sql("select roles = '{VILLAGER}'::varchar[] from minqing.app_user where username = ?").param(username)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Names for one viewer of one case. Not thread-safe; made per request. */
    public static final class Naming {

        private final PeopleOnCase people;
        private final CurrentUser viewer;
        private final String reporter;
        private final boolean hidesReporter;
        private final List<String> reporterIds;
        private final Map<String, String> names = new HashMap<>();

        private Naming(PeopleOnCase people, CurrentUser viewer, String reporter, boolean hidesReporter, List<String> reporterIds) {
            this.people = people;
            this.viewer = viewer;
            this.reporter = reporter;
            this.hidesReporter = hidesReporter;
            this.reporterIds = reporterIds;
        }

        /** Whether the reporter must not be named to this viewer. */
        public boolean hidesReporter() {
            return hidesReporter;
        }

        /** How a person on the case (an actor, an uploader, the reporter) is named to the viewer. */
        public String name(String username) {
            if (username == null || viewer.is(Role.ADMIN) || username.equals(viewer.username())) {
                return username;
            }
            if (hidesReporter && username.equals(reporter)) {
                return ANONYMOUS;
            }
            if (!viewer.isVillagerOnly()) {
                return username;
            }
            return names.computeIfAbsent(username, u -> people.isVillagerOnly(u) ? NEIGHBOUR : u);
        }

        /** Free text (a timeline note) with the hidden reporter's name, user name and phone taken out. */
        public String scrub(String text) {
            if (text == null || !hidesReporter) {
                return text;
            }
            String result = text;
            for (String id : reporterIds) {
                result = result.replace(id, ANONYMOUS);
            }
            return result;
        }
    }
}
