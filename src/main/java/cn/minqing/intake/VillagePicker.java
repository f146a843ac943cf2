package cn.minqing.intake;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a cadre may choose from on the 代村民反映 and 代开户 forms, by name only: the villages of their region as a
 * tree (township → village) and the villagers who live there. Codes go into the form's values, never its text.
 */
@Component
class VillagePicker {

    record Village(String code, String name) {
    }

    record Township(String code, String name, List<Village> villages) {

        public boolean holds(String villageCode) {
            return villages.stream().anyMatch(v -> v.code().equals(villageCode));
        }
    }

    /** A villager on the list: their name, village and the last four digits of their phone (to tell namesakes apart). */
    record Villager(String username, String name, String village, String villageCode, String phoneTail) {
    }

    private final Regions regions;
    private final JdbcClient jdbc;

    VillagePicker(Regions regions, JdbcClient jdbc) {
        this.regions = regions;
        this.jdbc = jdbc;
    }

    List<Township> villagesOf(CurrentUser user) {
        String scope = user.is(Role.ADMIN) ? "" : user.scopeRegion();
        List<Region> within = regions.allWithin(scope);
        Map<String, List<Village>> byTownship = new LinkedHashMap<>();
        within.stream().filter(r -> r.level().equals("village")).forEach(v ->
                byTownship.computeIfAbsent(v.parentCode(), t -> new ArrayList<>()).add(new Village(v.code(), v.name())));
        return byTownship.entrySet().stream()
                .map(e -> new Township(e.getKey(), regions.find(e.getKey()).map(Region::name).orElse(""), e.getValue())).toList();
    }

    List<Villager> villagersOf(List<Township> townships) {
        String[] villages = townships.stream().flatMap(t -> t.villages().stream()).map(Village::code).toArray(String[]::new);
        return jdbc.sql("""
                select u.username, u.display_name, r.name as village, u.village_code, u.phone
                  from minqing.app_user u join minqing.region r on r.code = u.village_code
                 where u.roles = '{VILLAGER}'::varchar[] and u.enabled and u.village_code = any(?)
                 order by r.name, u.display_name limit 2000
                """).param(villages).query((rs, n) -> new Villager(rs.getString("username"), rs.getString("display_name"),
                        rs.getString("village"), rs.getString("village_code"), tail(rs.getString("phone")))).list();
    }

    private static String tail(String phone) {
        return phone == null || phone.length() < 4 ? "" : phone.substring(phone.length() - 4);
    }
}
