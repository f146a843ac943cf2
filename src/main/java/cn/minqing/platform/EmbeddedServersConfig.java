package cn.minqing.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The default run needs no servers: when no database or Elasticsearch address is configured,
 * the app starts its own PostgreSQL and Elasticsearch node and stops them on shutdown. Being the
 * servers' parent, the app is also the only one that can bring them back: a {@link ServerWatchdog}
 * restarts each when it dies and shows it in health ({@code postgresServer}, {@code elasticsearchNode}).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedServersConfig {

    /** Watches a server: looks every check-every, restarts with a pause from first-backoff doubling to max-backoff. */
    static ServerWatchdog watch(SupervisedServer server, Environment env) {
        return new ServerWatchdog(server,
                env.getProperty("minqing.embedded.watch.check-every", Duration.class, Duration.ofSeconds(2)),
                env.getProperty("minqing.embedded.watch.first-backoff", Duration.class, Duration.ofSeconds(1)),
                env.getProperty("minqing.embedded.watch.max-backoff", Duration.class, Duration.ofSeconds(60)));
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(NoPropertyCondition.NoDatasourceUrl.class)
    static class Postgres {

        @Bean(destroyMethod = "close")
        LocalPostgres localPostgres(@Value("${minqing.data-dir:data}") Path dataDir,
                                    @Value("${minqing.embedded.postgres-port:15432}") int port) {
            return LocalPostgres.durable(dataDir.resolve("postgres"), port);
        }

        /** Destroyed before the server (it depends on it), so a shutdown is not taken for a death. */
        @Bean(initMethod = "start", destroyMethod = "close")
        ServerWatchdog postgresServer(LocalPostgres postgres, Environment env) {
            return watch(postgres, env);
        }

        @Bean
        JdbcConnectionDetails embeddedJdbc(LocalPostgres postgres) {
            return new JdbcConnectionDetails() {
                public String getUsername() { return postgres.username(); }
                public String getPassword() { return postgres.password(); }
                public String getJdbcUrl() { return postgres.jdbcUrl(); }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(NoPropertyCondition.NoElasticsearchUris.class)
    static class Elasticsearch {

        @Bean(destroyMethod = "close")
        LocalElasticsearchNode localElasticsearch(@Value("${minqing.data-dir:data}") Path dataDir,
                                                  @Value("${minqing.elasticsearch.distribution:}") String distribution,
                                                  @Value("${minqing.embedded.elasticsearch-port:9200}") int port,
                                                  @Value("${minqing.embedded.elasticsearch-transport-port:0}") int transportPort,
                                                  @Value("${minqing.embedded.elasticsearch-heap:512m}") String heap) {
            return new LocalElasticsearchNode(dataDir.resolve("elasticsearch"), LocalElasticsearchNode.findDistribution(distribution),
                    port, transportPort > 0 ? transportPort : port + 100, heap).start();
        }

        @Bean(initMethod = "start", destroyMethod = "close")
        ServerWatchdog elasticsearchNode(LocalElasticsearchNode node, Environment env) {
            return watch(node, env);
        }

        @Bean
        ElasticsearchConnectionDetails embeddedElasticsearch(LocalElasticsearchNode node) {
            return () -> List.of(new ElasticsearchConnectionDetails.Node("127.0.0.1", node.port(),
                    ElasticsearchConnectionDetails.Node.Protocol.HTTP, null, null));
        }
    }
}
