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
        app.setDefaultProperties(Map.of("minqing.demo.enabled", "true", "minqing.demo.cases", "0", "server.port", "0",
                "camunda.bpm.job-execution.enabled", "false", "logging.level.root", "warn"));
        try (ConfigurableApplicationContext context = app.run()) {
            body.run(context);
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed", e);
        } finally {
            TestServers.stop();
        }
    }
}
