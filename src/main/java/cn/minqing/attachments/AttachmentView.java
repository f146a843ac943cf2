package cn.minqing.attachments;

import java.time.OffsetDateTime;

/** A photo, video or voice note of a case, as listed with the case. */
public record AttachmentView(long id, String kind, String contentType, String fileName, long sizeBytes, String sha256,
                             String uploadedBy, OffsetDateTime uploadedAt) {
}
