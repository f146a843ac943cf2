package cn.minqing.attachments;

import cn.minqing.people.Principal;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The thumbnails of a refused report form's kept photos, for the person who sent them. */
@RestController
class PendingUploadController {

    private final PendingUploads pending;

    PendingUploadController(PendingUploads pending) {
        this.pending = pending;
    }

    @GetMapping("/report/uploads/{id}")
    ResponseEntity<InputStreamResource> show(@AuthenticationPrincipal Principal me, @PathVariable long id) throws IOException {
        PendingUploads.Pending p = pending.mine(id, me.user());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(p.contentType()))
                .contentLength(p.sizeBytes())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(pending.open(p)));
    }
}
