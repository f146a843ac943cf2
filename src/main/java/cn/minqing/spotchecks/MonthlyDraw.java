package cn.minqing.spotchecks;

import cn.minqing.people.CurrentUser;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** On the first of each month the last month's sample is drawn for the county centre, once (several instances too). */
@Component
class MonthlyDraw {

    private final SpotChecks checks;
    private final Clock clock;
    private final int size;

    MonthlyDraw(SpotChecks checks, Clock clock, @Value("${minqing.spot-checks.monthly-size:10}") int size) {
        this.checks = checks;
        this.clock = clock;
        this.size = size;
    }

    @Scheduled(cron = "${minqing.spot-checks.cron:0 0 8 1 * *}", zone = "${minqing.time-zone:Asia/Shanghai}")
    void drawLastMonth() {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        checks.drawOnce(last, size, new CurrentUser("system", "系统", Set.of(cn.minqing.people.Role.ADMIN),
                null, null, null, null, List.of()));
    }
}
