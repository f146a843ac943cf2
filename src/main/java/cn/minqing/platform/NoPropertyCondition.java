package cn.minqing.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when a server address is not configured, so the embedded server stands in. */
abstract class NoPropertyCondition implements Condition {

    private final String property;

    NoPropertyCondition(String property) {
        this.property = property;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String value = context.getEnvironment().getProperty(property);
        return value == null || value.isBlank();
    }

    static class NoDatasourceUrl extends NoPropertyCondition {
        NoDatasourceUrl() { super("spring.datasource.url"); }
    }

    static class NoElasticsearchUris extends NoPropertyCondition {
        NoElasticsearchUris() { super("spring.elasticsearch.uris"); }
    }
}
