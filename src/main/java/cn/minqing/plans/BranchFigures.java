package cn.minqing.plans;

import cn.minqing.county.PartyBranch;
import cn.minqing.county.PartyBranches;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Principal;
import java.time.LocalDate;
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
 * members — how many, met, met by their due day. {@code GET /api/plans/branches}; the page /plans/branches and the
 * monthly report's plan section read the same numbers (the report: milestones due in its month).
 */
@RestController
class BranchFigures {

    record Figure(String code, String name, String regionCode, String regionName, long members, long plansOwned,
                  long milestones, long milestonesMet, long milestonesOnTime) {
    }

    /** One party member's milestones (党员承担的里程碑); for cadres, leaders and admins only. */
    record MemberFigure(String branch, String username, String displayName, long milestones, long milestonesMet,
                        long milestonesOnTime) {
    }

    private record Counts(String code, long plansOwned, long milestones, long met, long onTime) {
    }

    private static final LocalDate EVER_FROM = LocalDate.of(1900, 1, 1);
    private static final LocalDate EVER_TO = LocalDate.of(9999, 12, 31);

    private final PartyBranches branches;
    private final Regions regions;
    private final JdbcClient jdbc;
    private final String zone;

    BranchFigures(PartyBranches branches, Regions regions, JdbcClient jdbc,
                  @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.branches = branches;
        this.regions = regions;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    @GetMapping("/api/plans/branches")
    List<Figure> figures(@AuthenticationPrincipal Principal me) {
        return of(me.user());
    }

    List<Figure> of(CurrentUser user) {
        Map<String, Counts> counts = counts(EVER_FROM, EVER_TO);
        return branches.all().stream().filter(b -> branches.mayView(b, user)).map(b -> figure(b, counts.get(b.code())))
                .toList();
    }

    /** The branches of {@code region} and below it, counting the milestones due from {@code from} to {@code to}. */
    List<Figure> within(String region, LocalDate from, LocalDate to) {
        Map<String, Counts> counts = counts(from, to);
        return branches.all().stream().filter(b -> regions.pathOf(b.regionCode()).contains(region))
                .map(b -> figure(b, counts.get(b.code()))).toList();
    }

    /** Each party member's milestones in the given branches (those with none too). */
    List<MemberFigure> members(List<String> branchCodes) {
        if (branchCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select u.organisation_code as branch, u.username, u.display_name,
                       count(m.seq) as milestones,
                       count(m.seq) filter (where m.status = 'done') as met,
                       count(m.seq) filter (where m.status = 'done' and (m.done_at at time zone ?)::date <= m.due) as on_time
                  from minqing.app_user u
                  left join minqing.plan_milestone m on m.assignee = u.username
                 where 'PARTY_MEMBER' = any(u.roles) and u.enabled and u.organisation_code = any(?::varchar[])
                 group by u.organisation_code, u.username, u.display_name
                 order by u.organisation_code, u.username
                """).params(zone, "{" + String.join(",", branchCodes) + "}")
                .query((rs, i) -> new MemberFigure(rs.getString("branch"), rs.getString("username"),
                        rs.getString("display_name"), rs.getLong("milestones"), rs.getLong("met"), rs.getLong("on_time")))
                .list();
    }

    private Map<String, Counts> counts(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select o.code,
                       (select count(*) from minqing.work_plan p where p.owner_branch = o.code) as plans_owned,
                       count(m.seq) as milestones,
                       count(m.seq) filter (where m.status = 'done') as met,
                       count(m.seq) filter (where m.status = 'done' and (m.done_at at time zone ?)::date <= m.due) as on_time
                  from minqing.organisation o
                  left join minqing.app_user u on u.organisation_code = o.code and 'PARTY_MEMBER' = any(u.roles)
                  left join minqing.plan_milestone m on m.assignee = u.username and m.due between ? and ?
                 where o.kind = 'party-branch'
                 group by o.code
                """).params(zone, from, to).query((rs, i) -> new Counts(rs.getString("code"), rs.getLong("plans_owned"),
                        rs.getLong("milestones"), rs.getLong("met"), rs.getLong("on_time")))
                .list().stream().collect(Collectors.toMap(Counts::code, Function.identity()));
    }

    private static Figure figure(PartyBranch b, Counts c) {
        return new Figure(b.code(), b.name(), b.regionCode(), b.regionName(), b.members().size(),
                c == null ? 0 : c.plansOwned(), c == null ? 0 : c.milestones(), c == null ? 0 : c.met(),
                c == null ? 0 : c.onTime());
    }
}
