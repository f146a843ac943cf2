package cn.minqing.attachments;

import java.util.Optional;

/**
 * The media a case may carry, recognised by their first bytes (never by file name), with a size
 * limit per kind: JPEG/PNG/WebP photos, MP4 video, M4A/MP3/AMR voice notes.
 */
enum MediaType {
    JPEG("photo", "image/jpeg", 10),
    PNG("photo", "image/png", 10),
    WEBP("photo", "image/webp", 10),
    MP4("video", "video/mp4", 50),
    M4A("audio", "audio/mp4", 10),
    MP3("audio", "audio/mpeg", 10),
    AMR("audio", "audio/amr", 10);

    final String kind;
    final String contentType;
    final long maxBytes;

    MediaType(String kind, String contentType, int maxMegabytes) {
        this.kind = kind;
        this.contentType = contentType;
        this.maxBytes = maxMegabytes * 1024L * 1024L;
    }

    /** What the bytes are, judged by their signature. */
    static Optional<MediaType> sniff(byte[] head) {
        if (starts(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(head, 0, 'R', 'I', 'F', 'F') && starts(head, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        if (starts(head, 0, '#', '!', 'A', 'M', 'R')) {
            return Optional.of(AMR);
        }
        if (starts(head, 4, 'f', 't', 'y', 'p')) {
            return Optional.of(starts(head, 8, 'M', '4', 'A') ? M4A : MP4);
        }
        if (starts(head, 0, 'I', 'D', '3') || (head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) {
            return Optional.of(MP3);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
