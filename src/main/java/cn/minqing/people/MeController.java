package cn.minqing.people;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells callers who they are. */
@RestController
class MeController {

    record Me(String username, String displayName, Set<Role> roles, String villageCode,
              String organisationCode, String scopeRegion, List<String> taskGroups, boolean mustChangePassword) {
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal Principal principal) {
        CurrentUser u = principal.user();
        return new Me(u.username(), u.displayName(), u.roles(), u.villageCode(), u.organisationCode(),
                u.scopeRegion(), u.taskGroups(), principal.mustChangePassword());
    }
}
