package cn.minqing.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a load benchmark's JFR recording the way the notes in docs/operating.md quote it: of the CPU samples whose
 * stack holds a frame named {@code root} (e.g. {@code CaseController.file}), the share that also holds each method
 * (inclusive, counted once per sample). A program:
 * <pre>mvn -B -ntp -q -o exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.minqing.bench.JfrInclusive \
 *     -Dexec.args="target/load/run-….jfr CaseController.file 40 cn.minqing.,org.camunda.bpm.engine.impl.db"</pre>
 * Arguments: the recording, the root frame (a substring of {@code class.method}), how many rows, and optionally
 * comma-separated prefixes a listed method must start with.
 */
public final class JfrInclusive {

    private JfrInclusive() {
    }

    public static void main(String[] args) throws Exception {
        Path recording = Path.of(args[0]);
        String root = args[1];
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        List<String> prefixes = args.length > 3 ? List.of(args[3].split(",")) : List.of("");
        Map<String, Integer> inclusive = new HashMap<>();
        int all = 0;
        int under = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            all++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.stream().noneMatch(f -> name(f).contains(root))) {
                continue;
            }
            under++;
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (prefixes.stream().anyMatch(n::startsWith) && seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%s: %d CPU samples, %d of them under %s%n", recording, all, under, root);
        int base = under;
        inclusive.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(en -> System.out.printf("  %5.1f %%  %5d  %s%n", 100.0 * en.getValue() / base, en.getValue(),
                        en.getKey()));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
