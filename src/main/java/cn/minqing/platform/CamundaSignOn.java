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
 * own: this filter runs after Spring Security (which lets only admins into /camunda) and before
 * Camunda's filters, and puts the signed-in admin into the session's Camunda authentications
 * ({@link CamundaSignOnProvider}); Camunda's own authentication filter then finds them there. No
 * Camunda password exists, so none can be shipped or guessed.
 */
@Configuration(proxyBeanMethods = false)
class CamundaSignOn {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaAuthenticationFilter(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("Minqing sign-on for Camunda");
        registration.addUrlPatterns(applicationPath + "/*");
        registration.setInitParameters(Map.of("authentication-provider", CamundaSignOnProvider.class.getName()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1); // after Spring Security; Camunda's come later
        return registration;
    }
}
