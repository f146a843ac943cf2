package cn.minqing.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where the system answers and how to sign in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);
    private final int port;
    private final boolean demo;

    StartupBanner(@Value("${server.port:8080}") int port, @Value("${minqing.demo.enabled:false}") boolean demo) {
        this.port = port;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String base = "http://localhost:" + port;
        log.info("""

                ==== Minqing 民情 is up ====
                  API:           {}/api/me   (HTTP Basic)
                  API docs:      {}/swagger-ui.html
                  Health:        {}/actuator/health
                  Camunda:       {}/camunda/app/   (admin only)
                  {}
                """, base, base, base, base, demo
                ? "Demo users (password '" + DemoUsers.PASSWORD + "'): villager1, villager2, grid1, township1, county1, leader1, admin"
                : "Sign in as 'admin' (password from MINQING_ADMIN_PASSWORD, or the one printed at the first start)");
    }
}
