package cn.minqing.demo;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** On first start (no regions yet) loads the demo county 青石县 with its people and cases. */
@Component
@Order(1)
@ConditionalOnProperty(name = "minqing.demo.enabled", havingValue = "true")
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private final Regions regions;
    private final DemoCounty county;
    private final DemoUsers users;
    private final DemoCases cases;
    private final DemoHouseholds households;
    private final TransactionTemplate tx;
    private final int caseCount;

    DemoLoader(Regions regions, DemoCounty county, DemoUsers users, DemoCases cases, DemoHouseholds households,
               TransactionTemplate tx,
               @Value("${minqing.demo.cases:320}") int caseCount) {
        this.regions = regions;
        this.county = county;
        this.users = users;
        this.cases = cases;
        this.households = households;
        this.tx = tx;
        this.caseCount = caseCount;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (regions.count() > 0) {
            return;
        }
        long start = System.currentTimeMillis();
        List<Region> all = tx.execute(s -> {
            List<Region> loaded = county.load();
            users.load(loaded);
            households.load(loaded, cn.minqing.cases.CaseClock.now());
            return loaded;
        });
        int filed = cases.load(all, caseCount);
        log.info("Loaded the demo county 青石县: {} regions, {} cases in {} ms", all.size(), filed,
                System.currentTimeMillis() - start);
    }
}
