package cn.minqing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** The load benchmark's profile summary: where the app's CPU samples were, from its JFR recording. */
final class JfrHotFrames {

    private JfrHotFrames() {
    }

    static void print(Path recording, int top) throws IOException {
        if (!Files.exists(recording)) {
            System.out.println("no JFR recording at " + recording);
            return;
        }
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> firstAppFrames = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                topFrames.merge(name(frames.get(0)), 1, Integer::sum);
            }
            frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("cn.minqing.")).findFirst()
                    .ifPresent(f -> firstAppFrames.merge(name(f), 1, Integer::sum));
        }
        System.out.printf("%nJFR %s: %d CPU samples%n  hottest frames (self):%n", recording, samples);
        printTop(topFrames, samples, top);
        System.out.println("  innermost Minqing frame on the stack:");
        printTop(firstAppFrames, samples, top);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void printTop(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("    %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
