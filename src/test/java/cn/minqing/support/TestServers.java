package cn.minqing.support;

import cn.minqing.platform.LocalElasticsearchNode;
import cn.minqing.platform.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one real PostgreSQL and one real Elasticsearch node (with the project's Chinese analysis
 * plugin) for the whole test run, before any test class, and stops them when the run ends. The app
 * under test finds them through spring.datasource.url and spring.elasticsearch.uris, so it starts
 * nothing embedded itself.
 */
public class TestServers implements LauncherSessionListener {

    private static final List<ConfigurableApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();
    private static LocalPostgres postgres;
    private static LocalElasticsearchNode elasticsearch;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    /** Closes the apps, then the servers. */
    public static void stop() {
        // close the apps first, so none of their threads waits on a server that is gone
        CONTEXTS.forEach(ConfigurableApplicationContext::close);
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    public static synchronized void start() {
        start("test");
    }

    /** Servers under target/{purpose}-*, so a benchmark and a test run can run side by side. */
    public static synchronized void start(String purpose) {
        if (postgres != null) {
            return;
        }
        postgres = LocalPostgres.scratch(Path.of("target/" + purpose + "-postgres"));
        try {
            elasticsearch = new LocalElasticsearchNode(Path.of("target/" + purpose + "-elasticsearch"),
                    LocalElasticsearchNode.findDistribution(null), freePort(), freePort(), System.getProperty("esHeap", "512m")).withCleanData().start();
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        System.setProperty("spring.datasource.url", postgres.jdbcUrl());
        System.setProperty("spring.datasource.username", postgres.username());
        System.setProperty("spring.datasource.password", postgres.password());
        System.setProperty("spring.elasticsearch.uris", elasticsearch.uri());
    }

    /** Registered in META-INF/spring.factories: remembers every app context the tests start. */
    public static class ContextTracker implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            CONTEXTS.add(context);
        }
    }

    /** The shared node, for tests that stop and restart Elasticsearch. */
    public static LocalElasticsearchNode elasticsearch() {
        return elasticsearch;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
