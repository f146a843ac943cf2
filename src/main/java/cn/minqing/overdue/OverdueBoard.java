package cn.minqing.overdue;

import cn.minqing.casework.DueInWords;
import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overdue board (超期督办): every open case past its deadline that the viewer may see (scoped as case
 * visibility is: a township its region, a county bureau its categories and the cases handed to it, a leader
 * their region, an admin everything), with its organisation, stage, holder and days overdue.
 */
@Service
class OverdueBoard {

    private final OverdueRows rows;
    private final Regions regions;
    private final Organisations organisations;
    private final Categories categories;
    private final MessageSource messages;
    private final ZoneId zone;

    OverdueBoard(OverdueRows rows, Regions regions, Organisations organisations, Categories categories,
                 MessageSource messages, @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.rows = rows;
        this.regions = regions;
        this.organisations = organisations;
        this.categories = categories;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    /** Villagers have no board; everyone else sees the overdue cases of their scope. */
    static void mayUse(CurrentUser viewer) {
        if (!viewer.is(Role.CADRE) && !viewer.is(Role.LEADER) && !viewer.is(Role.ADMIN)) {
            throw ApiException.forbidden("overdue.forbidden");
        }
    }

    @Transactional(readOnly = true)
    public List<OverdueCase> of(OverdueQuery query, CurrentUser viewer, Locale locale) {
        return list(query, viewer, locale, true, null);
    }

    /** Every open case of the viewer's scope, overdue or not (a township's 在办件), optionally of one status. */
    @Transactional(readOnly = true)
    public List<OverdueCase> open(OverdueQuery query, String status, CurrentUser viewer, Locale locale) {
        return list(query, viewer, locale, false, status);
    }

    private List<OverdueCase> list(OverdueQuery query, CurrentUser viewer, Locale locale, boolean overdueOnly, String status) {
        mayUse(viewer);
        boolean admin = viewer.is(Role.ADMIN);
        Map<String, Region> inScope = (admin ? regions.allWithin("") : regions.allWithin(viewer.scopeRegion())).stream()
                .collect(Collectors.toMap(Region::code, Function.identity()));
        List<String> villages = villagesOf(query, inScope, admin);
        OverdueRows.Filter filter = new OverdueRows.Filter(admin && query.region() == null, villages, viewer.username(),
                query.category(), query.from() == null ? null : query.from().atStartOfDay(zone).toOffsetDateTime(),
                query.to() == null ? null : query.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        List<String> categoryLimit = viewer.categoryLimit();
        OffsetDateTime now = OffsetDateTime.now();
        Names names = new Names(regions.all().stream().collect(Collectors.toMap(Region::code, Function.identity())),
                organisations.all().stream().collect(Collectors.toMap(Organisation::code, Organisation::name)),
                categories.all().stream().collect(Collectors.toMap(Category::code, Category::nameZh)));
        List<OverdueCase> found = new ArrayList<>();
        List<OverdueRows.Row> candidates = (overdueOnly ? rows.overdue(filter) : rows.open(filter, status)).stream()
                // a county bureau: its categories and the cases handed to it (as CurrentUser.mayView)
                .filter(r -> categoryLimit.isEmpty() || r.reporter().equals(viewer.username())
                        || categoryLimit.contains(r.category()) || r.handlingOrg() != null
                        && r.handlingOrg().equals(viewer.organisationCode()))
                .toList();
        Map<String, List<OverdueRows.OpenTask>> tasks = rows.openTasks(candidates.stream().map(OverdueRows.Row::number).toList());
        for (OverdueRows.Row r : candidates) {
            found.add(row(r, tasks.getOrDefault(r.number(), List.of()), names, now, locale));
        }
        found.sort(order(query.sort()));
        return found;
    }

    /** The villages to look in: the region asked for (within the scope) or the whole scope. */
    private List<String> villagesOf(OverdueQuery query, Map<String, Region> inScope, boolean admin) {
        if (query.region() != null && !inScope.containsKey(query.region())) {
            if (regions.find(query.region()).isEmpty()) {
                throw new InvalidInputException("region", "overdue.region.unknown", query.region());
            }
            throw ApiException.forbidden("overdue.region.outOfScope", query.region());
        }
        if (admin && query.region() == null) {
            return List.of();
        }
        List<String> codes = query.region() == null ? List.copyOf(inScope.keySet())
                : regions.allWithin(query.region()).stream().map(Region::code).toList();
        return codes.stream().filter(c -> inScope.get(c) != null && inScope.get(c).level().equals("village")).toList();
    }

    /** The names of regions, organisations and categories, read once per board. */
    private record Names(Map<String, Region> regions, Map<String, String> organisations, Map<String, String> categories) {

        String region(String code) {
            Region r = regions.get(code);
            return r == null ? null : r.name();
        }
    }

    private OverdueCase row(OverdueRows.Row r, List<OverdueRows.OpenTask> open, Names names, OffsetDateTime now,
                            Locale locale) {
        Region village = names.regions().get(r.villageCode());
        String township = village == null ? null : names.region(village.parentCode());
        String categoryName = names.categories().getOrDefault(r.category(), r.category());
        String organisation = r.handlingOrg() == null ? null : names.organisations().getOrDefault(r.handlingOrg(), r.handlingOrg());
        OverdueRows.OpenTask task = open.isEmpty() ? null : open.get(0);
        Holder holder = task == null ? new Holder(messages.getMessage("overdue.holder.none", null, locale), null, "none")
                : holderOf(task, names, locale);
        String stage = task == null ? null : task.stage();
        String stageName = stage == null ? null : messages.getMessage("stage." + stage, null, stage, locale);
        // before the case has a 签收/办结时限 (受理 at the village), the open task's own deadline counts
        OffsetDateTime due = r.dueAt() != null ? r.dueAt() : task == null ? null : task.due();
        return new OverdueCase(r.number(), r.title(), r.villageCode(), village == null ? r.villageCode() : village.name(),
                township, r.category(), categoryName, r.handlingOrg(), organisation, stage, stageName, holder.name(),
                holder.phone(), holder.kind(), r.overdueKind(), due, DueInWords.daysOverdue(due, now),
                DueInWords.of(due, now, messages, locale), r.supervisions(), r.status(),
                cn.minqing.cases.CaseStatus.of(r.status()).nameZh());
    }

    private record Holder(String name, String phone, String kind) {
    }

    /**
     * Who holds the task: its claimant by display name and phone; unclaimed, the organisation (or village, or
     * leaders) it waits in. The villager's own 回访 is never named: the reporter may be anonymous.
     */
    private Holder holderOf(OverdueRows.OpenTask task, Names names, Locale locale) {
        if (task.stage().equals("feedback") || task.assignee() != null && task.assigneeIsVillager()) {
            return new Holder(messages.getMessage("overdue.holder.villager", null, locale), null, "villager");
        }
        if (task.assignee() != null) {
            String name = task.assigneeName() == null ? messages.getMessage("overdue.holder.unknown", null, locale)
                    : task.assigneeName();
            return new Holder(name, task.assigneePhone(), "person");
        }
        List<String> groups = task.groups().stream().map(g -> groupName(g, names, locale)).distinct().toList();
        return new Holder(groups.isEmpty() ? messages.getMessage("overdue.holder.none", null, locale)
                : String.join("、", groups), null, "organisation");
    }

    /** A candidate group (org:X, village:X, leaders:X) as people call it: never a bare code. */
    private String groupName(String group, Names names, Locale locale) {
        String[] kindAndCode = group.split(":", 2);
        String code = kindAndCode.length == 2 ? kindAndCode[1] : group;
        String region = names.region(code);
        return switch (kindAndCode[0]) {
            case "org" -> names.organisations().getOrDefault(code, messages.getMessage("overdue.holder.unknown", null, locale));
            case "village" -> messages.getMessage("overdue.holder.village", new Object[] {region == null ? "" : region}, locale);
            case "leaders" -> messages.getMessage("overdue.holder.leaders", new Object[] {region == null ? "" : region}, locale);
            default -> messages.getMessage("overdue.holder.unknown", null, locale);
        };
    }

    private static Comparator<OverdueCase> order(String sort) {
        Comparator<OverdueCase> mostOverdue = Comparator.comparing(OverdueCase::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(OverdueCase::number);
        return switch (sort) {
            case "organisation" -> Comparator.comparing(OverdueCase::organisation, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(mostOverdue);
            case "village" -> Comparator.comparing((OverdueCase c) -> c.township() == null ? "" : c.township())
                    .thenComparing(OverdueCase::village).thenComparing(mostOverdue);
            default -> mostOverdue;
        };
    }
}
