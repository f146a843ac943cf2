package cn.minqing.platform;

import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchConnectionDetails;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The default run needs no servers: when no database or Elasticsearch address is configured,
 * the app starts its own PostgreSQL and Elasticsearch node and stops them on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedServersConfig {

    @Configuration(proxyBeanMethods = false)
    @Conditional(NoPropertyCondition.NoDatasourceUrl.class)
    static class Postgres {

        @Bean(destroyMethod = "close")
        LocalPostgres localPostgres(@Value("${minqing.data-dir:data}") Path dataDir,
                                    @Value("${minqing.embedded.postgres-port:15432}") int port) {
            return LocalPostgres.durable(dataDir.resolve("postgres"), port);
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
                                                  @Value("${minqing.embedded.elasticsearch-heap:512m}") String heap) {
            return new LocalElasticsearchNode(dataDir.resolve("elasticsearch"),
                    LocalElasticsearchNode.findDistribution(distribution), port, heap).start();
        }

        @Bean
        ElasticsearchConnectionDetails embeddedElasticsearch(LocalElasticsearchNode node) {
            return () -> List.of(new ElasticsearchConnectionDetails.Node("127.0.0.1", node.port(),
                    ElasticsearchConnectionDetails.Node.Protocol.HTTP, null, null));
        }
    }
}
