package cn.minqing.attachments;

import cn.minqing.people.Principal;
import java.io.IOException;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Photos, video and voice notes of a case over HTTP. */
@RestController
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @PostMapping(path = "/api/cases/{number}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> upload(@AuthenticationPrincipal Principal me, @PathVariable String number,
                                          @RequestParam("file") MultipartFile file) throws IOException {
        AttachmentView added = attachments.add(number, file.getOriginalFilename(), file.getBytes(), me.user());
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @GetMapping("/api/cases/{number}/attachments")
    List<AttachmentView> list(@AuthenticationPrincipal Principal me, @PathVariable String number) {
        return attachments.of(number, me.user());
    }

    /** The bytes, only for those who may see the case; the type is the one the content proved to be. */
    @GetMapping({"/api/attachments/{id}", "/attachments/{id}"})
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal Principal me, @PathVariable long id) throws IOException {
        AttachmentView a = attachments.visible(id, me.user());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.sizeBytes())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .header("X-Content-Type-Options", "nosniff")
                .eTag(a.sha256())
                .body(new InputStreamResource(attachments.open(a)));
    }
}
