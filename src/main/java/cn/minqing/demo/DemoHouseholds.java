package cn.minqing.demo;

import cn.minqing.county.Region;
import cn.minqing.households.Households;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Households of every demo village (户档案), with tags, assigned to the village's grid member and its two party
 * members; recorded three weeks ago, so the weekly visits to the elderly living alone are already overdue.
 */
@Component
class DemoHouseholds {

    static final int PER_VILLAGE = 8;
    private static final String[] HEADS = {"李", "王", "张", "刘", "陈", "杨", "赵", "黄"};
    private static final String[] GIVEN = {"长顺", "桂英", "福生", "翠兰", "根生", "秀珍", "水生", "玉兰"};
    private static final List<List<String>> TAGS = List.of(List.of("alone-elderly"), List.of("dibao"),
            List.of("left-behind-child"), List.of("dibao", "disabled"), List.of("poverty-watch"), List.of("wubao"),
            List.of("military"), List.of());

    private final Households households;
    private final JdbcClient jdbc;

    DemoHouseholds(Households households, JdbcClient jdbc) {
        this.households = households;
        this.jdbc = jdbc;
    }

    void load(List<Region> regions, OffsetDateTime now) {
        for (Region village : regions) {
            if (village.level().equals("village")) {
                loadVillage(village);
            }
        }
        jdbc.sql("update minqing.household set created_at = ?").param(now.minusDays(21)).update();
    }

    private void loadVillage(Region village) {
        String code = village.code();
        for (int i = 0; i < PER_VILLAGE; i++) {
            String head = i < 3 ? (code.equals(DemoUsers.VILLAGE_1) && i == 0 ? "villager1" : DemoUsers.villagerOf(code, i + 1)) : null;
            String name = head != null ? null : HEADS[i] + GIVEN[(i + code.hashCode() & 0x7fffffff) % GIVEN.length];
            Double lat = village.lat() == null ? null : village.lat() + 0.001 * (i - 4);
            Double lon = village.lon() == null ? null : village.lon() + 0.001 * (i % 3);
            households.insert(new Households.NewHousehold(code + "-H" + (i + 1), code, null,
                    village.name() + (i / 4 + 1) + "组" + (i + 1) + "号", name != null ? name : displayName(head), head,
                    1 + i % 5, "139" + String.format("%08d", Math.abs((code + i).hashCode()) % 100_000_000), lat, lon,
                    DemoUsers.gridOf(code), i == PER_VILLAGE - 1 ? null : DemoUsers.partyMemberOf(code, 1 + i / 4),
                    TAGS.get(i)));
        }
    }

    private String displayName(String username) {
        return jdbc.sql("select display_name from minqing.app_user where username = ?").param(username)
                .query(String.class).single();
    }
}
