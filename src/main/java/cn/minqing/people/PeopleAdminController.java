package cn.minqing.people;

import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    record Unlocked(String username, int cleared) {
    }

    private final AccountAdministration administration;
    private final PeopleSearch people;

    PeopleAdminController(AccountAdministration administration, PeopleSearch people) {
        this.administration = administration;
        this.people = people;
    }

    /** Finds people by name, phone, user name, organisation or village (name or code); at most 200. */
    @GetMapping("/api/admin/people")
    List<PeopleSearch.Person> find(@RequestParam(required = false) String q) {
        return people.find(q, 200);
    }

    /** A one-time temporary password, in this answer only; the account must change it at its next sign-in. */
    @PostMapping("/api/admin/people/{username}/password-reset")
    AccountAdministration.Reset resetPassword(@AuthenticationPrincipal Principal me, @PathVariable String username) {
        return administration.resetPassword(username, me.getUsername());
    }

    /** Clears the sign-in throttle for the account. */
    @PostMapping("/api/admin/people/{username}/unlock")
    Unlocked unlock(@AuthenticationPrincipal Principal me, @PathVariable String username) {
        return new Unlocked(username, administration.unlock(username, me.getUsername()));
    }

    @PatchMapping("/api/admin/people/{username}")
    Changed change(@AuthenticationPrincipal Principal me, @PathVariable String username,
                               @RequestBody AccountAdministration.Change change) {
        UserAccounts.Account account = administration.change(username, change, me.getUsername());
        CurrentUser u = account.user();
        return new Changed(u.username(), u.roles(), u.organisationCode(), u.villageCode(), account.enabled());
    }
}
