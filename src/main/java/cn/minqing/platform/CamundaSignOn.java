package cn.minqing.platform;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's webapps (Cockpit, Tasklist, Admin) take the app's own sign-in instead of a login of their
 * own: the filter registered under Camunda's name "Authentication Filter" (so the starter does not add
 * its password-based one) runs after Spring Security and hands the signed-in admin to Camunda
 * ({@link CamundaSignOnProvider}). No Camunda password exists, so none can be shipped or guessed.
 */
@Configuration(proxyBeanMethods = false)
class CamundaSignOn {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaAuthenticationFilter(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("Authentication Filter");
        registration.addUrlPatterns(applicationPath + "/*");
        registration.setInitParameters(Map.of("authentication-provider", CamundaSignOnProvider.class.getName()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1); // after Spring Security
        return registration;
    }
}
