package cn.minqing.visits;

import cn.minqing.attachments.Attachments;
import cn.minqing.households.HouseholdFiles;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Principal;
import cn.minqing.platform.web.ApiException;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Visits (民情走访) over HTTP: record one, read one, add and fetch its photos and voice notes. */
@RestController
class VisitController {

    private final VisitRecording recording;
    private final Visits visits;
    private final VisitHistory history;
    private final HouseholdFiles households;
    private final Attachments attachments;
    private final DueVisits due;

    VisitController(VisitRecording recording, Visits visits, VisitHistory history, HouseholdFiles households,
                    Attachments attachments, DueVisits due) {
        this.due = due;
        this.recording = recording;
        this.visits = visits;
        this.history = history;
        this.households = households;
        this.attachments = attachments;
    }

    @PostMapping("/api/visits")
    ResponseEntity<VisitRecording.Recorded> record(@AuthenticationPrincipal Principal me, @RequestBody VisitRequest r) {
        return ResponseEntity.status(HttpStatus.CREATED).body(recording.record(r, me.user()));
    }

    /** 走访提醒: the caller's households whose visit is near (yellow) or overdue (red). */
    @GetMapping("/api/visits/due")
    java.util.List<DueVisit> due(@AuthenticationPrincipal Principal me) {
        return due.of(me.user());
    }

    @GetMapping("/api/visits/{id}")
    @Transactional(readOnly = true)
    VisitView get(@AuthenticationPrincipal Principal me, @PathVariable long id) {
        return history.view(visible(id, me.user()), me.user());
    }

    @PostMapping(path = "/api/visits/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Transactional
    ResponseEntity<VisitView.AttachmentView> upload(@AuthenticationPrincipal Principal me, @PathVariable long id,
                                                    @RequestParam("file") MultipartFile file) throws IOException {
        Visits.VisitRow visit = visible(id, me.user());
        if (!visit.visitor().equals(me.getUsername())) {
            throw ApiException.forbidden("visit.attachment.notVisitor");
        }
        long added = recording.attach(id, file.getOriginalFilename(), file.getBytes(), me.user());
        Visits.AttachmentRow a = visits.attachment(added).orElseThrow();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new VisitView.AttachmentView(a.id(), a.kind(), a.contentType(), a.sizeBytes(), a.uploadedAt()));
    }

    @GetMapping({"/api/visit-attachments/{id}", "/visit-attachments/{id}"})
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal Principal me, @PathVariable long id)
            throws IOException {
        Visits.AttachmentRow a = visits.attachment(id).orElseThrow(() -> ApiException.notFound("attachment.notFound"));
        try {
            visible(a.visitId(), me.user());
        } catch (ApiException e) {
            throw ApiException.notFound("attachment.notFound");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType())).contentLength(a.sizeBytes())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600").header("X-Content-Type-Options", "nosniff")
                .eTag(a.sha256()).body(new InputStreamResource(attachments.open(a.sha256())));
    }

    /** The visit, if this person may see its household (404 otherwise). */
    private Visits.VisitRow visible(long id, CurrentUser me) {
        Visits.VisitRow v = visits.find(id).orElseThrow(() -> ApiException.notFound("visit.notFound", id));
        try {
            households.visible(v.householdId(), me);
        } catch (ApiException e) {
            throw ApiException.notFound("visit.notFound", id);
        }
        return v;
    }
}
