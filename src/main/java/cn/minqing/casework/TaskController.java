package cn.minqing.casework;

import cn.minqing.people.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task list over HTTP: list, count, claim, complete. */
@RestController
class TaskController {

    private final Casework casework;

    TaskController(Casework casework) {
        this.casework = casework;
    }

    @GetMapping("/api/tasks")
    List<TaskView> tasks(@AuthenticationPrincipal Principal me, TaskQueryParams params) {
        return casework.tasksFor(me.user(), params.filter());
    }

    /** Open tasks per stage, for the workbench's counters. */
    @GetMapping("/api/tasks/counts")
    Map<String, Long> counts(@AuthenticationPrincipal Principal me, TaskQueryParams params) {
        return casework.countsFor(me.user(), params.filter());
    }

    @PostMapping("/api/tasks/{id}/claim")
    TaskView claim(@AuthenticationPrincipal Principal me, @PathVariable String id) {
        return casework.claim(id, me.user());
    }

    @PostMapping("/api/tasks/{id}/complete")
    Map<String, String> complete(@AuthenticationPrincipal Principal me, @PathVariable String id,
                                 @RequestBody CompletionForm form) {
        casework.complete(id, me.user(), form);
        return Map.of("task", id, "result", "completed");
    }

    /** Query parameters of the task list. */
    record TaskQueryParams(String stage, String caseNumber, String category, String village, String urgency,
                           Boolean overdue, Boolean mine, Integer size, Integer from) {
        TaskFilter filter() {
            int s = size == null ? 100 : Math.max(1, Math.min(size, 500));
            return new TaskFilter(stage, caseNumber, category, village, urgency, overdue, mine, s,
                    from == null ? 0 : Math.max(0, from));
        }
    }
}
