package cn.minqing.plans;

import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Turns a stored plan into what a person sees: names beside codes, the linked count, the indicator, the milestones. */
@Component
class PlanViews {

    private final Plans plans;
    private final Regions regions;
    private final Categories categories;
    private final Organisations organisations;
    private final PlanEffect effect;
    private final JdbcClient jdbc;

    PlanViews(Plans plans, Regions regions, Categories categories, Organisations organisations, PlanEffect effect,
              JdbcClient jdbc) {
        this.plans = plans;
        this.regions = regions;
        this.categories = categories;
        this.organisations = organisations;
        this.effect = effect;
        this.jdbc = jdbc;
    }

    PlanView of(PlanRow p, CurrentUser viewer) {
        boolean staff = !viewer.isVillagerOnly();
        String branch = plans.ownerBranch(p.id()).orElse(null);
        List<PlanView.MilestoneView> milestones = plans.milestones(p.id()).stream()
                .map(m -> new PlanView.MilestoneView(m.seq(), m.title(), m.due(), m.status(),
                        "done".equals(m.status()) ? "已完成" : "进行中", m.flag(), staff ? m.assignee() : null))
                .toList();
        return new PlanView(p.id(), p.title(), p.problem(), p.source(), p.status().code(), p.status().nameZh(),
                p.region(), regions.find(p.region()).map(Region::name).orElse(p.region()), p.categories(),
                p.categories().stream().map(c -> categories.find(c).map(Category::nameZh).orElse(c)).toList(),
                p.query(), p.leadOrganisation(), organisationName(p.leadOrganisation()), p.coOrganisations(),
                p.coOrganisations().stream().map(this::organisationName).toList(), ownerName(p.owner()),
                p.isPublic(), p.targetDate(), plans.linkedCount(p.id()), indicator(p), milestones, p.createdAt(),
                p.startedAt(), branch, branch == null ? null : organisationName(branch));
    }

    private PlanView.Indicator indicator(PlanRow p) {
        PlanEffect.Measured m = effect.measure(p);
        return jdbc.sql("select name_zh, unit from minqing.indicator where code = ?").param(p.indicator())
                .query((rs, i) -> new PlanView.Indicator(p.indicator(), rs.getString("name_zh"), rs.getString("unit"),
                        m.before(), m.since(), p.target(), m.beforeFrom(), m.beforeTo(), m.sinceFrom(), m.sinceTo()))
                .optional().orElseThrow();
    }

    private String organisationName(String code) {
        return organisations.find(code).map(Organisation::name).orElse(code);
    }

    private String ownerName(String username) {
        return jdbc.sql("select display_name from minqing.app_user where username = ?").param(username)
                .query(String.class).optional().orElse("");
    }

    static boolean isStaff(CurrentUser viewer) {
        return viewer.is(Role.ADMIN) || viewer.is(Role.CADRE) || viewer.is(Role.LEADER);
    }
}
