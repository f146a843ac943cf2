package cn.minqing.support;

import java.util.Base64;

/** Small real media files for upload tests. */
public final class TestMedia {

    /** A real 1×1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private TestMedia() {
    }
}
