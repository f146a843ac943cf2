package cn.minqing.support;

import cn.minqing.MinqingApplication;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Runs a benchmark inside the real app on its own PostgreSQL and Elasticsearch (target/bench-*). */
public final class BenchmarkApp {

    /** The benchmark's body. */
    public interface Body {
        void run(ConfigurableApplicationContext context) throws Exception;
    }

    private BenchmarkApp() {
    }

    public static void run(Body body) {
        TestServers.start("bench");
        SpringApplication app = new SpringApplication(MinqingApplication.class);
        // command-line arguments: application.yml's own values (demo off) would win over default properties
        Map<String, String> settings = Map.of("minqing.demo.enabled", "true", "minqing.demo.cases", "0", "server.port", "0",
                "camunda.bpm.job-execution.enabled", "false", "logging.level.root", "warn",
                // bulk indexing and a force-merge of 100,000 cases take longer than a search may
                "spring.elasticsearch.socket-timeout", "300s");
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext context = app.run(args)) {
            body.run(context);
        } catch (Exception e) {
            // printed here: exec:java only reports a failed main after every non-daemon thread has ended, and a client
            // left open by the body would keep it waiting silently on servers already stopped
            System.out.println("benchmark failed: " + e);
            e.printStackTrace(System.out);
            throw new IllegalStateException("benchmark failed", e);
        } finally {
            TestServers.stop();
        }
    }
}
