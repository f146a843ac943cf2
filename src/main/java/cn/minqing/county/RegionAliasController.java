package cn.minqing.county;

import cn.minqing.people.Principal;
import cn.minqing.platform.audit.AuditLog;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins list and replace (import) the element library's place aliases (admin role, see SecurityConfig). */
@RestController
class RegionAliasController {

    private final RegionAliases aliases;
    private final AuditLog audit;

    RegionAliasController(RegionAliases aliases, AuditLog audit) {
        this.aliases = aliases;
        this.audit = audit;
    }

    @GetMapping("/api/admin/region-aliases")
    List<RegionAlias> all() {
        return aliases.all();
    }

    /** The whole list, e.g. [{"alias": "老鸦冲村", "regionCode": "QS03005", "kind": "old-name", "note": "2016 年并入"}]. */
    @PutMapping("/api/admin/region-aliases")
    List<RegionAlias> replace(@AuthenticationPrincipal Principal me, @RequestBody List<RegionAlias> given) {
        List<RegionAlias> stored = aliases.replace(given);
        audit.record(me.getUsername(), "regionAliases.replaced", null,
                stored.stream().map(a -> a.alias() + "→" + a.regionCode()).collect(Collectors.joining(" | ")));
        return stored;
    }
}
