package cn.minqing.platform;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Spring Security's cache of Spring MVC's handler look-up, for the requests that need it. With MVC present, Spring
 * Security 6.5 puts a filter in front of its chains that finds each request's handler once, for MVC request matchers
 * and MVC's CORS configuration to read ({@code HandlerMappingIntrospector.createCacheFilter()}); the dispatcher then
 * finds it again. The API's chain ({@link SecurityConfig#API}) matches with path patterns and configures no CORS, so
 * nothing reads the cache on its requests: they skip it (about 1–3 % of an API request's CPU, issue 16). The pages'
 * chain keeps it (its {@code requestMatchers("/login", …)} are MVC matchers).
 */
final class HandlerCacheForPages implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerCacheForPages.class);
    private static final String CHAIN = "springSecurityFilterChain";
    private static final String INTROSPECTOR = "mvcHandlerMappingIntrospector";

    private final Filter cache;
    private final RequestMatcher skipped;

    HandlerCacheForPages(HandlerMappingIntrospector introspector) {
        this.cache = introspector.createCacheFilter();
        this.skipped = SecurityConfig.API;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && skipped.matches(http)) {
            chain.doFilter(request, response);
        } else {
            cache.doFilter(request, response, chain);
        }
    }

    /**
     * Puts this filter where Spring Security put the cache filter: the first of the two filters its
     * {@code CompositeFilterChainProxy} bean definition is made of. Runs after the registry post-processors, so after
     * Spring Security made that definition; leaves anything shaped otherwise alone.
     */
    static BeanFactoryPostProcessor installer() {
        return factory -> install(factory);
    }

    private static void install(ConfigurableListableBeanFactory factory) {
        if (!(factory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)
                || !registry.containsBeanDefinition(INTROSPECTOR)) {
            return;
        }
        BeanDefinition chain = registry.getBeanDefinition(CHAIN);
        Object filters = chain.getConstructorArgumentValues().getArgumentCount() == 1
                ? chain.getConstructorArgumentValues().getIndexedArgumentValues().values().iterator().next().getValue() : null;
        if (chain.getBeanClassName() == null || !chain.getBeanClassName().endsWith("CompositeFilterChainProxy")
                || !(filters instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof BeanDefinition first)
                || first.getBeanClassName() == null || !first.getBeanClassName().endsWith("HandlerMappingIntrospectorCacheFilterFactoryBean")) {
            LOG.info("Spring Security's handler cache filter is not where expected; every request keeps it");
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object> writable = (List<Object>) list;
        writable.set(0, BeanDefinitionBuilder.rootBeanDefinition(HandlerCacheForPages.class)
                .addConstructorArgReference(INTROSPECTOR).getBeanDefinition());
    }
}
