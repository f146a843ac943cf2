package cn.minqing.plans;

import cn.minqing.county.PartyBranch;
import cn.minqing.county.PartyBranches;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Principal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 党支部 in the plan figures: per branch one may see, the plans it owns and the milestones assigned to its party
 * members — how many, met, met by their due day. {@code GET /api/plans/branches}.
 */
@RestController
class BranchFigures {

    record Figure(String code, String name, String regionCode, String regionName, long members, long plansOwned,
                  long milestones, long milestonesMet, long milestonesOnTime) {
    }

    private record Counts(String code, long plansOwned, long milestones, long met, long onTime) {
    }

    private final PartyBranches branches;
    private final JdbcClient jdbc;
    private final String zone;

    BranchFigures(PartyBranches branches, JdbcClient jdbc, @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.branches = branches;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @GetMapping("/api/plans/branches")
    List<Figure> figures(@AuthenticationPrincipal Principal me) {
        return of(me.user());
    }

    List<Figure> of(CurrentUser user) {
        Map<String, Counts> counts = jdbc.sql("""
                select o.code,
                       (select count(*) from minqing.work_plan p where p.owner_branch = o.code) as plans_owned,
                       count(m.seq) as milestones,
                       count(m.seq) filter (where m.status = 'done') as met,
                       count(m.seq) filter (where m.status = 'done' and (m.done_at at time zone ?)::date <= m.due) as on_time
                  from minqing.organisation o
                  left join minqing.app_user u on u.organisation_code = o.code and 'PARTY_MEMBER' = any(u.roles)
                  left join minqing.plan_milestone m on m.assignee = u.username
                 where o.kind = 'party-branch'
                 group by o.code
                """).param(zone).query((rs, i) -> new Counts(rs.getString("code"), rs.getLong("plans_owned"),
                        rs.getLong("milestones"), rs.getLong("met"), rs.getLong("on_time")))
                .list().stream().collect(Collectors.toMap(Counts::code, Function.identity()));
        return branches.all().stream().filter(b -> branches.mayView(b, user)).map(b -> figure(b, counts.get(b.code())))
                .toList();
    }

    private static Figure figure(PartyBranch b, Counts c) {
        return new Figure(b.code(), b.name(), b.regionCode(), b.regionName(), b.members().size(),
                c == null ? 0 : c.plansOwned(), c == null ? 0 : c.milestones(), c == null ? 0 : c.met(),
                c == null ? 0 : c.onTime());
    }
}
