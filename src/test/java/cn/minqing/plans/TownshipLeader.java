package cn.minqing.plans;

import cn.minqing.people.Role;
import cn.minqing.people.UserAccounts;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;

/** 青溪乡's leader, who may plan only for 青溪乡: created once for the plan tests that need a township's leader. */
final class TownshipLeader {

    static final String NAME = "leader-plan-QS02";

    private TownshipLeader() {
    }

    static void ensure(UserAccounts accounts, PasswordEncoder encoder, String password) {
        if (!accounts.exists(NAME)) {
            accounts.create(NAME, encoder.encode(password), "青溪乡领导", Set.of(Role.LEADER), null, "QS02-GOV");
        }
    }
}
