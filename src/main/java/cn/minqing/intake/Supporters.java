package cn.minqing.intake;

import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 附议 "me too": instead of filing a duplicate, a villager adds their name to an open case of their
 * village, or of a place within {@code minqing.support.radius-km} (3 km) of where they live (their village's
 * coordinates; without coordinates, their own village only). Cadres and leaders support cases of their
 * region, admins any. Each person counts once; the case's supporter count is what leaders see.
 */
@Service
public class Supporters {

    private static final String OPEN = "status not in ('solved', 'unsolvable', 'rejected', 'merged', 'answered')";
    private final JdbcClient jdbc;
    private final Cases cases;
    private final Timeline timeline;
    private final AuditLog audit;
    private final double radiusKm;
    private final Regions regions;

    Supporters(JdbcClient jdbc, Cases cases, Timeline timeline, AuditLog audit, Regions regions,
               @Value("${minqing.support.radius-km:3}") double radiusKm) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.cases = cases;
        this.timeline = timeline;
        this.audit = audit;
        this.radiusKm = radiusKm;
    }

    /** An open case and where it is: its own point, else its village's. */
    record Target(long id, String villageCode, String reporter, Double lat, Double lon) {
    }

    /** Returns true if the person was added, false if they had supported the case already. */
    @Transactional
    public boolean support(String number, CurrentUser user) {
        Target t = jdbc.sql("""
                select c.id, c.village_code, c.reporter, coalesce(c.lat, v.lat) as lat, coalesce(c.lon, v.lon) as lon
                  from minqing.case_record c left join minqing.region v on v.code = c.village_code
                 where c.number = ? and c.%s
                """.formatted(OPEN)).param(number).query(Target.class).optional()
                .filter(c -> mayReach(c, user))
                .orElseThrow(() -> ApiException.notFound("case.support.notFound", number));
        if (t.reporter().equals(user.username())) {
            throw ApiException.conflict("case.support.own");
        }
        int added = jdbc.sql("insert into minqing.case_supporter (case_id, username) values (?, ?) on conflict do nothing")
                .params(t.id(), user.username()).update();
        if (added == 1) {
            cases.addSupporter(number);
            timeline.record(number, user.username(), "supported", null, "附议");
            audit.record(user.username(), "case.supported", number, null);
        }
        return added == 1;
    }

    private boolean mayReach(Target c, CurrentUser user) {
        if (user.is(Role.ADMIN) || c.villageCode().equals(user.villageCode())
                || ((user.is(Role.CADRE) || user.is(Role.LEADER)) && user.covers(regions.pathOf(c.villageCode())))) {
            return true;
        }
        return user.is(Role.VILLAGER) && user.villageCode() != null && c.lat() != null && c.lon() != null
                && homeOf(user.villageCode()).filter(home -> Regions.kmBetween(home[0], home[1], c.lat(), c.lon()) <= radiusKm)
                        .isPresent();
    }

    private java.util.Optional<double[]> homeOf(String villageCode) {
        return jdbc.sql("select lat, lon from minqing.region where code = ? and lat is not null and lon is not null")
                .param(villageCode).query((rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).optional();
    }
}
