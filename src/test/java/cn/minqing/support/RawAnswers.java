package cn.minqing.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading an HTTP answer off a raw socket, for tests that send requests no HTTP client would. */
public final class RawAnswers {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("content-length: *(\\d+)");

    private RawAnswers() {
    }

    /** The answer up to the end of its body: the server may keep the connection open to swallow the announced bytes. */
    public static String answerOf(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            got.write(buffer, 0, n);
            String text = got.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                String head = text.substring(0, end).toLowerCase();
                Matcher length = CONTENT_LENGTH.matcher(head);
                if (length.find() ? got.size() - end - 4 >= Integer.parseInt(length.group(1))
                        : !head.contains("chunked") || text.endsWith("\r\n0\r\n\r\n")) {
                    break;
                }
            }
        }
        return got.toString(StandardCharsets.UTF_8);
    }
}
