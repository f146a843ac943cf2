package cn.minqing.attachments;

import java.time.OffsetDateTime;

/**
 * A photo, video or voice note of a case, as listed with the case; {@code label} is {@code before} or {@code after}
 * for the 整改前/整改后 photos added at 实施, otherwise null.
 */
public record AttachmentView(long id, String kind, String contentType, String fileName, long sizeBytes, String sha256,
                             String uploadedBy, OffsetDateTime uploadedAt, String label) {
}
