package cn.minqing.demo;

import cn.minqing.county.Region;
import cn.minqing.people.Role;
import cn.minqing.people.UserAccounts;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Demo accounts, all with password {@code minqing}: the named ones of the README, plus a grid
 * member for every other village, staff for every other township, villagers who file the cases and two party
 * members per village ({@code dangyuan-<villageCode>-1..2}) who visit its households.
 */
@Component
class DemoUsers {

    static final String PASSWORD = "minqing";
    static final String VILLAGE_1 = "QS01001"; // 李家村, 石门镇
    static final String VILLAGE_2 = "QS02001";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"};
    private static final String[] GIVEN = {"建国", "秀英", "桂兰", "德明", "春花", "志强", "玉梅", "卫东", "小红", "海涛", "金凤", "长生"};

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final cn.minqing.county.PartyBranches branches;

    DemoUsers(UserAccounts accounts, PasswordEncoder encoder, cn.minqing.county.PartyBranches branches) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.branches = branches;
    }

    void load(List<Region> regions) {
        String hash = encoder.encode(PASSWORD);
        create(hash, "villager1", "李建国", Set.of(Role.VILLAGER), VILLAGE_1, null);
        create(hash, "villager2", "张秀英", Set.of(Role.VILLAGER), VILLAGE_2, null);
        create(hash, "grid1", "王德明（网格员）", Set.of(Role.CADRE), VILLAGE_1, VILLAGE_1 + "-VC");
        create(hash, "township1", "刘志强（石门镇）", Set.of(Role.CADRE), null, "QS01-GOV");
        create(hash, "county1", "陈海涛（县水利局）", Set.of(Role.CADRE), null, "QS-WATER");
        create(hash, "leader1", "赵卫东（县领导）", Set.of(Role.LEADER), null, "QS-CENTRE");
        create(hash, "admin", "系统管理员", Set.of(Role.ADMIN), null, null);
        int n = 0;
        for (var bureau : DemoCounty.BUREAUS) {
            if (!bureau.code().equals("QS-WATER") && !bureau.kind().equals("county-centre")) {
                create(hash, staffOf(bureau.code()), name(n++) + "（" + bureau.name() + "）", Set.of(Role.CADRE), null, bureau.code());
            }
        }
        for (Region r : regions) {
            if (r.level().equals("township") && !r.code().equals("QS01")) {
                create(hash, staffOf(r.code()), name(n++) + "（" + r.name() + "）", Set.of(Role.CADRE), null, r.code() + "-GOV");
            }
            if (r.level().equals("village")) {
                if (!r.code().equals(VILLAGE_1)) {
                    create(hash, gridOf(r.code()), name(n++) + "（网格员）", Set.of(Role.CADRE), r.code(), r.code() + "-VC");
                }
                for (int i = 1; i <= 3; i++) {
                    create(hash, villagerOf(r.code(), i), name(n++), Set.of(Role.VILLAGER), r.code(), null);
                }
                for (int i = 1; i <= 2; i++) { // 联户党员 of the village's party branch
                    create(hash, partyMemberOf(r.code(), i), name(n++) + "（党员）", Set.of(Role.PARTY_MEMBER), r.code(),
                            r.code() + "-PB");
                }
                branches.setSecretary(r.code() + "-PB", partyMemberOf(r.code(), 1)); // 党支部书记
            }
        }
    }

    /** Who works a task of a candidate group in the demo: village:X, org:X or leaders:X. */
    static String workerFor(String group) {
        String[] kindAndCode = group.split(":", 2);
        return switch (kindAndCode[0]) {
            case "village" -> gridOf(kindAndCode[1]);
            case "leaders" -> "leader1";
            default -> switch (kindAndCode[1]) {
                case "QS-WATER" -> "county1";
                case "QS-CENTRE" -> "leader1";
                default -> staffOf(kindAndCode[1].endsWith("-GOV") ? kindAndCode[1].replace("-GOV", "") : kindAndCode[1]);
            };
        };
    }

    static String gridOf(String villageCode) {
        return villageCode.equals(VILLAGE_1) ? "grid1" : "grid-" + villageCode;
    }

    static String staffOf(String townshipCode) {
        return townshipCode.equals("QS01") ? "township1" : "staff-" + townshipCode;
    }

    static String villagerOf(String villageCode, int i) {
        return "cunmin-" + villageCode + "-" + i;
    }

    static String partyMemberOf(String villageCode, int i) {
        return "dangyuan-" + villageCode + "-" + i;
    }

    private static String name(int n) {
        return SURNAMES[n % SURNAMES.length] + GIVEN[(n / SURNAMES.length + n) % GIVEN.length];
    }

    private void create(String hash, String username, String displayName, Set<Role> roles, String village, String org) {
        accounts.create(username, hash, displayName, roles, village, org);
    }
}
