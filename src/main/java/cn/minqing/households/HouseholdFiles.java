package cn.minqing.households;

import cn.minqing.cases.CaseClock;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.people.UserAccounts;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes household files (户档案) within each person's scope; every read of one household is audited. */
@Service
public class HouseholdFiles {

    private static final int LIST_LIMIT = 500;
    private final Households households;
    private final HouseholdTags tags;
    private final HouseholdScope scope;
    private final UserAccounts accounts;
    private final AuditLog audit;
    private final List<HouseholdHistory> history;

    HouseholdFiles(Households households, HouseholdTags tags, HouseholdScope scope, UserAccounts accounts,
                   AuditLog audit, List<HouseholdHistory> history) {
        this.households = households;
        this.tags = tags;
        this.scope = scope;
        this.accounts = accounts;
        this.audit = audit;
        this.history = history;
    }

    /** Filter of the list: a village, a tag (code or name), only those one serves; inactive ones only on request. */
    public record Filter(String village, String tag, boolean mine, boolean inactive) {
    }

    @Transactional(readOnly = true)
    public List<HouseholdView> list(Filter f, CurrentUser me) {
        if (!scope.readsHouseholds(me)) {
            throw ApiException.forbidden("household.forbidden");
        }
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(scope.condition(me, params));
        if (!f.inactive()) {
            where.append(" and h.active");
        }
        if (f.village() != null && !f.village().isBlank()) {
            where.append(" and h.village_code = ?");
            params.add(f.village().strip());
        }
        if (f.tag() != null && !f.tag().isBlank()) {
            String tag = tags.find(f.tag().strip()).map(HouseholdTag::code)
                    .orElseThrow(() -> new InvalidInputException("tag", "household.tag.unknown", f.tag()));
            where.append(" and exists (select 1 from minqing.household_tagging ht where ht.household_id = h.id and ht.tag_code = ?)");
            params.add(tag);
        }
        if (f.mine()) {
            where.append(" and (h.grid_member = ? or h.party_member = ?)");
            params.add(me.username());
            params.add(me.username());
        }
        var now = CaseClock.now();
        return households.where(where.toString(), params, LIST_LIMIT).stream()
                .map(h -> HouseholdView.of(h, scope.maySeePhone(h, me), now, null, null)).toList();
    }

    /** The household's page with its visits and cases; the read is written to the audit log. */
    @Transactional
    public HouseholdView page(long id, CurrentUser me) {
        Household h = visible(id, me);
        audit.record(me.username(), "household.read", "household:" + id, h.code());
        List<Object> visits = new ArrayList<>();
        List<Object> cases = new ArrayList<>();
        for (HouseholdHistory source : history) {
            visits.addAll(source.visits(h, me));
            cases.addAll(source.cases(h, me));
        }
        return HouseholdView.of(h, scope.maySeePhone(h, me), CaseClock.now(), visits, cases);
    }

    /** The household, if this person may see it; else 404, as if it did not exist. */
    public Household visible(long id, CurrentUser me) {
        return households.find(id).filter(h -> scope.readsHouseholds(me) && scope.maySee(h, me))
                .orElseThrow(() -> ApiException.notFound("household.notFound", id));
    }

    /** 联户: who serves the household; admins and the cadres of its region may change it. */
    @Transactional
    public HouseholdView assign(long id, String gridMember, String partyMember, CurrentUser me) {
        Household h = visible(id, me);
        if (!me.is(Role.ADMIN) && !me.is(Role.CADRE)) {
            throw ApiException.forbidden("household.assign.forbidden");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (gridMember == null || gridMember.isBlank()) {
            problems.add(new FieldProblem("gridMember", "household.gridMember.required"));
        } else if (!hasRole(gridMember, Role.CADRE)) {
            problems.add(new FieldProblem("gridMember", "household.gridMember.unknown", gridMember));
        }
        if (partyMember != null && !partyMember.isBlank() && !hasRole(partyMember, Role.PARTY_MEMBER)) {
            problems.add(new FieldProblem("partyMember", "household.partyMember.unknown", partyMember));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String party = partyMember == null || partyMember.isBlank() ? null : partyMember.strip();
        households.assign(id, gridMember.strip(), party);
        audit.record(me.username(), "household.assigned", "household:" + id, gridMember + " " + party);
        return HouseholdView.of(households.find(id).orElseThrow(), scope.maySeePhone(h, me), CaseClock.now(), null, null);
    }

    /** 移交 when someone leaves: all their households to another person of the same role; returns how many moved. */
    @Transactional
    public int reassign(String from, String to, CurrentUser me) {
        List<FieldProblem> problems = new ArrayList<>();
        var fromAccount = from == null ? null : accounts.find(from).orElse(null);
        if (fromAccount == null) {
            problems.add(new FieldProblem("leaving", "household.reassign.unknown", String.valueOf(from)));
        }
        Role role = fromAccount != null && fromAccount.user().is(Role.PARTY_MEMBER) ? Role.PARTY_MEMBER : Role.CADRE;
        if (to == null || !hasRole(to, role) || to.equals(from)) {
            problems.add(new FieldProblem("successor", "household.reassign.to", String.valueOf(to)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int moved = households.reassign(role == Role.PARTY_MEMBER ? "party_member" : "grid_member", from, to);
        audit.record(me.username(), "household.reassigned", from, to + " " + moved);
        return moved;
    }

    @Transactional
    public void setActive(long id, boolean active, CurrentUser me) {
        Household h = visible(id, me);
        households.setActive(id, active);
        audit.record(me.username(), active ? "household.activated" : "household.deactivated", "household:" + id, h.code());
    }

    private boolean hasRole(String username, Role role) {
        return accounts.find(username.strip()).map(a -> a.user().is(role) && a.enabled()).orElse(false);
    }
}
