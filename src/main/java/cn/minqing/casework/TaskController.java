package cn.minqing.casework;

import cn.minqing.people.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cadre's task list over HTTP. */
@RestController
class TaskController {

    private final Casework casework;

    TaskController(Casework casework) {
        this.casework = casework;
    }

    @GetMapping("/api/tasks")
    List<TaskView> tasks(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String stage,
                         @RequestParam(required = false) String caseNumber,
                         @RequestParam(defaultValue = "100") int size) {
        return casework.tasksFor(me.user(), stage, caseNumber, Math.max(1, Math.min(size, 500)));
    }

    @PostMapping("/api/tasks/{id}/claim")
    TaskView claim(@AuthenticationPrincipal Principal me, @PathVariable String id) {
        return casework.claim(id, me.user());
    }

    @PostMapping("/api/tasks/{id}/complete")
    ResponseEntity<Map<String, String>> complete(@AuthenticationPrincipal Principal me, @PathVariable String id,
                                                 @RequestBody CompletionForm form) {
        casework.complete(id, me.user(), form);
        return ResponseEntity.ok(Map.of("task", id, "result", "completed"));
    }
}
