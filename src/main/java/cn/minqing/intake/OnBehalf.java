package cn.minqing.intake;

import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.people.UserAccounts;
import cn.minqing.platform.web.InvalidInputException;
import org.springframework.stereotype.Component;

/** 代办: a cadre (or a party member, for what a visit found) may file for a villager of their own region; anyone else may not. */
@Component
class OnBehalf {

    private final UserAccounts accounts;
    private final Regions regions;

    OnBehalf(UserAccounts accounts, Regions regions) {
        this.accounts = accounts;
        this.regions = regions;
    }

    CurrentUser villagerFor(String username, CurrentUser caller) {
        if (!caller.is(Role.CADRE) && !caller.is(Role.ADMIN) && !caller.is(Role.PARTY_MEMBER)) {
            throw new InvalidInputException("onBehalfOf", "case.onBehalf.notCadre");
        }
        return accounts.find(username).map(UserAccounts.Account::user)
                .filter(v -> v.is(Role.VILLAGER) && v.villageCode() != null)
                .filter(v -> caller.is(Role.ADMIN) || caller.covers(regions.pathOf(v.villageCode())))
                .orElseThrow(() -> new InvalidInputException("onBehalfOf", "case.onBehalf.unknown", username));
    }

    /** Whether the filer may file a case in that village for someone: an admin anywhere, anyone else in their region. */
    boolean mayFileIn(String villageCode, CurrentUser caller) {
        return caller.is(Role.ADMIN) || caller.covers(regions.pathOf(villageCode));
    }
}
