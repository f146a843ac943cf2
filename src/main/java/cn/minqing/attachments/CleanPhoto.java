package cn.minqing.attachments;

import java.util.Optional;

/**
 * A photo checked as a case's photos are, for other features that keep photos (a work plan's progress reports): a
 * JPEG, PNG or WebP by its first bytes, within the photo size limit, with its hidden metadata (EXIF location) taken out.
 */
public record CleanPhoto(String contentType, byte[] bytes) {

    /** The photo without hidden metadata, or empty when the bytes are not a photo, too large or unreadable. */
    public static Optional<CleanPhoto> of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        return MediaType.sniff(bytes).filter(t -> "photo".equals(t.kind) && bytes.length <= t.maxBytes)
                .flatMap(t -> HiddenMetadata.strip(t, bytes).map(b -> new CleanPhoto(t.contentType, b)));
    }
}
