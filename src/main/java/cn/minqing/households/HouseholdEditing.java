package cn.minqing.households;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.people.UserAccounts;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins correct a household's file and merge duplicates (合并重复户): the surviving household takes the duplicate's
 * visits (and with them the cases found on those visits), its tags and what it lacks (head's account, phone,
 * place); the duplicate is deactivated and points at it. Both are audited; nothing is stored when anything is wrong.
 */
@Service
public class HouseholdEditing {

    private final Households households;
    private final HouseholdTags tags;
    private final Regions regions;
    private final UserAccounts accounts;
    private final AuditLog audit;

    HouseholdEditing(Households households, HouseholdTags tags, Regions regions, UserAccounts accounts, AuditLog audit) {
        this.households = households;
        this.tags = tags;
        this.regions = regions;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** What a merge moved. */
    public record Merged(long surviving, long duplicate, int visitsMoved, int casesMoved) {
    }

    @Transactional
    public void edit(long id, HouseholdEdit e, CurrentUser me) {
        Household h = adminsOnly(id, me);
        List<String> tagCodes = new ArrayList<>();
        List<FieldProblem> problems = problems(e, tagCodes);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        households.update(id, e.villageCode().strip(), HouseholdEdit.clean(e.gridCode()), e.address().strip(),
                e.headName().strip(), HouseholdEdit.clean(e.headAccount()), e.members() == null ? 1 : e.members(),
                HouseholdEdit.clean(e.phone()), e.lat(), e.lon(), tagCodes);
        audit.record(me.username(), "household.edited", "household:" + id, h.code());
    }

    @Transactional
    public Merged merge(long survivingId, String duplicate, CurrentUser me) {
        Household surviving = adminsOnly(survivingId, me);
        Household dup = duplicate == null || duplicate.isBlank() ? null : households.findByIdOrCode(duplicate.strip()).orElse(null);
        if (dup == null) {
            throw new InvalidInputException("duplicate", "household.merge.unknown", String.valueOf(duplicate));
        }
        if (dup.id() == surviving.id()) {
            throw new InvalidInputException("duplicate", "household.merge.self");
        }
        if (!dup.active() || !surviving.active()) {
            throw new InvalidInputException("duplicate", "household.merge.inactive", dup.code());
        }
        int cases = households.casesOfVisits(dup.id());
        int visits = households.merge(surviving.id(), dup.id());
        audit.record(me.username(), "household.merged", "household:" + surviving.id(),
                "household:" + dup.id() + " " + dup.code() + " visits " + visits + " cases " + cases);
        return new Merged(surviving.id(), dup.id(), visits, cases);
    }

    private Household adminsOnly(long id, CurrentUser me) {
        if (!me.is(Role.ADMIN)) {
            throw ApiException.forbidden("household.edit.forbidden");
        }
        return households.find(id).orElseThrow(() -> ApiException.notFound("household.notFound", id));
    }

    private List<FieldProblem> problems(HouseholdEdit e, List<String> tagCodes) {
        List<FieldProblem> problems = new ArrayList<>();
        String village = HouseholdEdit.clean(e.villageCode());
        String grid = HouseholdEdit.clean(e.gridCode());
        if (village == null || !regions.isVillage(village)) {
            problems.add(new FieldProblem("villageCode", "household.village.unknown", String.valueOf(village)));
        } else if (grid != null && !regions.find(grid).map(Region::parentCode).filter(village::equals).isPresent()) {
            problems.add(new FieldProblem("gridCode", "household.grid.notInVillage", grid));
        }
        String address = HouseholdEdit.clean(e.address());
        if (address == null || address.length() > 200) {
            problems.add(new FieldProblem("address", "household.address.invalid"));
        }
        String head = HouseholdEdit.clean(e.headName());
        if (head == null || head.length() > 60) {
            problems.add(new FieldProblem("headName", "household.headName.invalid"));
        }
        String account = HouseholdEdit.clean(e.headAccount());
        if (account != null && !accounts.find(account).map(a -> a.user().is(Role.VILLAGER)).orElse(false)) {
            problems.add(new FieldProblem("headAccount", "household.headAccount.unknown", account));
        }
        if (e.members() != null && (e.members() < 1 || e.members() > 99)) {
            problems.add(new FieldProblem("members", "household.members.range"));
        }
        String phone = HouseholdEdit.clean(e.phone());
        if (phone != null && !phone.matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}")) {
            problems.add(new FieldProblem("phone", "household.phone.invalid"));
        }
        if ((e.lat() == null) != (e.lon() == null)) {
            problems.add(new FieldProblem(e.lat() == null ? "lat" : "lon", "case.location.pair"));
        }
        if (e.lat() != null && Math.abs(e.lat()) > 90) {
            problems.add(new FieldProblem("lat", "case.lat.range"));
        }
        if (e.lon() != null && Math.abs(e.lon()) > 180) {
            problems.add(new FieldProblem("lon", "case.lon.range"));
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < e.tagList().size(); i++) {
            String t = HouseholdEdit.clean(e.tagList().get(i));
            if (t == null) {
                continue;
            }
            var tag = tags.find(t);
            if (tag.isEmpty()) {
                problems.add(new FieldProblem("tags[" + i + "]", "household.tag.unknown", t));
            } else {
                codes.add(tag.get().code());
            }
        }
        tagCodes.addAll(codes);
        return problems;
    }
}
