package cn.minqing.support;

import java.util.Arrays;

/** Times a call in a benchmark: warm-ups first, then the runs; prints p50 and p95 (nearest rank). */
public final class Latency {

    /** One call; {@code i} counts the runs, for benchmarks that vary their input. */
    public interface Call {
        void run(int i) throws Exception;
    }

    private Latency() {
    }

    public static void print(String what, int warmUps, int runs, Call call) {
        try {
            for (int i = 0; i < warmUps; i++) {
                call.run(i);
            }
            long[] micros = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                call.run(i);
                micros[i] = (System.nanoTime() - t) / 1000;
            }
            Arrays.sort(micros);
            System.out.printf("  %-53s p50 %8.1f ms  p95 %8.1f ms  (load average %.2f)%n", what, micros[runs / 2] / 1000.0,
                    micros[(int) Math.ceil(runs * 0.95) - 1] / 1000.0,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } catch (Exception e) {
            throw new IllegalStateException(what + " failed", e);
        }
    }
}
