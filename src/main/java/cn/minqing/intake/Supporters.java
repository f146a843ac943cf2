package cn.minqing.intake;

import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 附议 "me too": instead of filing a duplicate, a villager adds their name to an open case of their
 * village. Each person counts once; the case's supporter count is what leaders see.
 */
@Service
public class Supporters {

    private static final String OPEN = "status not in ('solved', 'unsolvable', 'rejected', 'merged')";
    private final JdbcClient jdbc;
    private final Cases cases;
    private final Timeline timeline;
    private final AuditLog audit;

    Supporters(JdbcClient jdbc, Cases cases, Timeline timeline, AuditLog audit) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.timeline = timeline;
        this.audit = audit;
    }

    /** Returns true if the person was added, false if they had supported the case already. */
    @Transactional
    public boolean support(String number, CurrentUser user) {
        record Target(long id, String villageCode, String reporter) {
        }
        Target t = jdbc.sql("select id, village_code, reporter from minqing.case_record where number = ? and " + OPEN)
                .param(number).query(Target.class).optional()
                .filter(c -> user.is(Role.ADMIN) || c.villageCode().equals(user.villageCode())
                        || (user.scopeRegion() != null && c.villageCode().startsWith(user.scopeRegion())))
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
}
