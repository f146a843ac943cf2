package cn.minqing.people;

import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins change an account's roles, organisation, village or whether it is on (the API under /api/admin: admins only). */
@RestController
class PeopleAdminController {

    record Changed(String username, Set<Role> roles, String organisationCode, String villageCode, boolean enabled) {
    }

    private final AccountAdministration administration;

    PeopleAdminController(AccountAdministration administration) {
        this.administration = administration;
    }

    @PatchMapping("/api/admin/people/{username}")
    Changed change(@AuthenticationPrincipal Principal me, @PathVariable String username,
                               @RequestBody AccountAdministration.Change change) {
        UserAccounts.Account account = administration.change(username, change, me.getUsername());
        CurrentUser u = account.user();
        return new Changed(u.username(), u.roles(), u.organisationCode(), u.villageCode(), account.enabled());
    }
}
