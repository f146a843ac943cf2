package cn.minqing.search;

import cn.minqing.people.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Synonym groups one by one, for admins: {"terms": ["自来水", "吃水"]}; searches use a change at once. */
@RestController
class SynonymAdminController {

    record Terms(List<String> terms) {
    }

    private final SynonymGroups groups;

    SynonymAdminController(SynonymGroups groups) {
        this.groups = groups;
    }

    @GetMapping("/api/admin/synonym-groups")
    List<SynonymGroups.Group> all() {
        return groups.all();
    }

    @PostMapping("/api/admin/synonym-groups")
    ResponseEntity<SynonymGroups.Group> add(@AuthenticationPrincipal Principal me, @RequestBody(required = false) Terms body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(groups.add(body == null ? null : body.terms(), me.getUsername()));
    }

    @PutMapping("/api/admin/synonym-groups/{id}")
    SynonymGroups.Group change(@AuthenticationPrincipal Principal me, @PathVariable int id,
                               @RequestBody(required = false) Terms body) {
        return groups.change(id, body == null ? null : body.terms(), me.getUsername());
    }

    @DeleteMapping("/api/admin/synonym-groups/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Principal me, @PathVariable int id) {
        groups.remove(id, me.getUsername());
        return ResponseEntity.noContent().build();
    }
}
