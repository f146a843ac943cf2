package cn.minqing.intake;

import cn.minqing.cases.CaseClock;
import cn.minqing.cases.CaseNumbers;
import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.TimelineEntry;
import cn.minqing.cases.Cases;
import cn.minqing.cases.PeopleOnCase;
import cn.minqing.cases.NewCase;
import cn.minqing.cases.Timeline;
import cn.minqing.casework.CaseProcess;
import cn.minqing.county.Categories;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a report: checks it, numbers it, then stores it, starts its process and queues it for the
 * index, all in one transaction. A retried request with the same Idempotency-Key gets the first case.
 */
@Service
public class CaseFiling {

    private final Cases cases;
    private final CaseNumbers numbers;
    private final Timeline timeline;
    private final CaseProcess process;
    private final IdempotencyKeys idempotency;
    private final Categories categories;
    private final Regions regions;
    private final Clock clock;
    private final AuditLog audit;
    private final Validator validator;
    private final OnBehalf onBehalf;
    private final TransactionTemplate transaction;

    CaseFiling(Cases cases, CaseNumbers numbers, Timeline timeline, CaseProcess process,
               IdempotencyKeys idempotency, Categories categories, Regions regions, Clock clock,
               AuditLog audit, Validator validator, OnBehalf onBehalf, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.onBehalf = onBehalf;
        this.audit = audit;
        this.validator = validator;
        this.cases = cases;
        this.numbers = numbers;
        this.timeline = timeline;
        this.process = process;
        this.idempotency = idempotency;
        this.categories = categories;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * The case a filing stored, or the first one of a replayed Idempotency-Key. A new case carries what the filing
     * wrote (the row as inserted and its timeline), so its 201 needs no second read; a replay carries neither.
     */
    public record Filed(String number, boolean replayed, CaseRecord written, List<TimelineEntry> timeline) {

        static Filed replay(String number) {
            return new Filed(number, true, null, null);
        }
    }

    public Filed file(CaseReport report, CurrentUser reporter, String idempotencyKey) {
        return fileAt(report, reporter, idempotencyKey, CaseClock.now());
    }

    /**
     * Files a report and, in the same transaction, does {@code alsoStore} with it (the pages attach
     * uploads): both commit or neither. Callers do not wrap this in a transaction of their own, which
     * would hold a second connection while the number is taken.
     */
    public Filed file(CaseReport report, CurrentUser reporter, String idempotencyKey, Consumer<Filed> alsoStore) {
        return fileAt(report, reporter, idempotencyKey, CaseClock.now(), alsoStore);
    }

    /**
     * Files a report as of {@code now}; the demo county uses it to spread its history over past months.
     * The number is taken first, in its own short transaction (see {@link CaseNumbers}); everything
     * else commits together or not at all.
     */
    public Filed fileAt(CaseReport report, CurrentUser caller, String idempotencyKey, OffsetDateTime now) {
        return fileAt(report, caller, idempotencyKey, now, filed -> { });
    }

    private Filed fileAt(CaseReport report, CurrentUser caller, String idempotencyKey, OffsetDateTime now,
                         Consumer<Filed> alsoStore) {
        CurrentUser reporter = report.onBehalfOf() == null ? caller : onBehalf.villagerFor(report.onBehalfOf(), caller);
        NewCase checked = check(report, reporter, caller);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidInputException("Idempotency-Key", "case.idempotencyKey.invalid");
        }
        String number = numbers.next(now.atZoneSameInstant(clock.getZone()).toLocalDate());
        return transaction.execute(status -> {
            Filed filed = store(number, checked, report, caller, reporter, idempotencyKey, now);
            alsoStore.accept(filed);
            return filed;
        });
    }

    private Filed store(String number, NewCase checked, CaseReport report, CurrentUser caller, CurrentUser reporter,
                        String idempotencyKey, OffsetDateTime now) {
        if (idempotencyKey != null) {
            String first = idempotency.claim(caller.username(), idempotencyKey, report.fingerprint(), number);
            if (!first.equals(number)) {
                return Filed.replay(first);
            }
        }
        // the process first, so the row is written once, with its instance id; the start reads no case row
        String processInstanceId = process.start(number, checked.villageCode(), checked.categoryCode(), checked.reporter());
        CaseRecord written = cases.insert(number, checked, now, processInstanceId);
        TimelineEntry entry;
        if (reporter != caller) {
            cases.filedBy(number, caller.username());
            // an anonymous report names nobody on its timeline, not even in the 代办 note (the audit log keeps who)
            String forWhom = checked.anonymous() ? PeopleOnCase.ANONYMOUS : reporter.displayName();
            entry = timeline.record(number, caller.username(), "filed", null, "代办：为 " + forWhom + " 反映 " + checked.title());
            audit.record(caller.username(), "case.filed-on-behalf", number, reporter.username());
        } else {
            entry = timeline.record(number, reporter.username(), "filed", null, checked.title());
        }
        audit.record(reporter.username(), "case.filed", number, checked.title());
        return new Filed(number, false, written, List.of(entry));
    }

    private NewCase check(CaseReport r, CurrentUser reporter, CurrentUser caller) {
        List<FieldProblem> problems = problems(r, reporter);
        String village = villageOf(r, reporter);
        if (reporter != caller && problems.stream().noneMatch(p -> p.field().equals("villageCode"))
                && !onBehalf.mayFileIn(village, caller)) {
            // 代办 only where the filer works: checked before anything is stored (a case filed elsewhere was stored
            // and then answered 404, since its filer may not see it)
            problems.add(new FieldProblem("villageCode", "case.onBehalf.villageOutside", village));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new NewCase(r.title().strip(), r.description().strip(), r.category(), villageOf(r, reporter),
                reporter.username(), Boolean.TRUE.equals(r.anonymous()), r.lat(), r.lon(),
                r.address() == null || r.address().isBlank() ? null : r.address().strip());
    }

    /** Everything wrong with a report, field by field; empty when it can be filed. */
    public List<FieldProblem> problems(CaseReport r, CurrentUser reporter) {
        List<FieldProblem> problems = new ArrayList<>();
        validator.validate(r).forEach(v -> problems.add(new FieldProblem(v.getPropertyPath().toString(),
                v.getMessageTemplate().replaceAll("^\\{|\\}$", ""))));
        if (r.category() != null && !r.category().isBlank() && !categories.isActive(r.category())) {
            problems.add(new FieldProblem("category", "case.category.unknown", r.category()));
        }
        String village = villageOf(r, reporter);
        if (village == null || village.isBlank()) {
            problems.add(new FieldProblem("villageCode", "case.village.required"));
        } else if (!regions.isVillage(village)) {
            problems.add(new FieldProblem("villageCode", "case.village.unknown", village));
        }
        if ((r.lat() == null) != (r.lon() == null)) {
            problems.add(new FieldProblem(r.lat() == null ? "lat" : "lon", "case.location.pair"));
        }
        return problems;
    }

    private static String villageOf(CaseReport r, CurrentUser reporter) {
        String village = r.villageCode();
        if ((village == null || village.isBlank()) && reporter.is(Role.VILLAGER)) {
            village = reporter.villageCode();
        }
        return village;
    }
}
