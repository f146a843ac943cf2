package cn.minqing.casework;

import cn.minqing.people.Principal;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Adds a note to a case's timeline. */
@RestController
class CaseNoteController {

    private final CaseNotes notes;

    CaseNoteController(CaseNotes notes) {
        this.notes = notes;
    }

    record NoteRequest(String note) {
    }

    @PostMapping("/api/cases/{number}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> add(@AuthenticationPrincipal Principal me, @PathVariable String number, @RequestBody NoteRequest body) {
        notes.add(number, body.note(), me.user());
        return Map.of("case", number, "result", "noted");
    }
}
