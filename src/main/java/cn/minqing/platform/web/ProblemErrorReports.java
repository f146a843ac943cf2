package cn.minqing.platform.web;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemErrorReportValve} on Tomcat's host in place of the error report valve Spring Boot put there (the
 * host hands it the refusals made before any filter runs; it writes pages' refusals as Boot's valve did).
 */
@Component
class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            org.apache.catalina.Pipeline host = context.getParent().getPipeline();
            for (org.apache.catalina.Valve valve : host.getValves()) {
                if (valve instanceof org.apache.catalina.valves.ErrorReportValve) {
                    host.removeValve(valve);
                }
            }
            host.addValve(new ProblemErrorReportValve());
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost standard) {
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName()); // found there: none added
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
