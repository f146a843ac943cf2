package cn.minqing.casework;

import cn.minqing.cases.CaseClock;
import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseStatus;
import cn.minqing.cases.Cases;
import cn.minqing.cases.Timeline;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporter may reopen a solved, unsolvable or directly answered case within some days of closing, with a reason:
 * it goes back to routing and counts as rework (重办).
 */
@Service
public class Reopening {

    private final Cases cases;
    private final Timeline timeline;
    private final CaseProcess process;
    private final AuditLog audit;
    private final int reopenDays;

    Reopening(Cases cases, Timeline timeline, CaseProcess process, AuditLog audit,
              @Value("${minqing.casework.reopen-days:30}") int reopenDays) {
        this.cases = cases;
        this.timeline = timeline;
        this.process = process;
        this.audit = audit;
        this.reopenDays = reopenDays;
    }

    @Transactional
    public void reopen(String number, String reason, CurrentUser user) {
        CaseRecord c = cases.find(number).filter(r -> r.reporter().equals(user.username()))
                .orElseThrow(() -> ApiException.notFound("case.notFound", number));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "task.field.required", "reason");
        }
        if (reason.length() > StageRules.MAX_TEXT) {
            throw new InvalidInputException("reason", "task.field.tooLong", StageRules.MAX_TEXT);
        }
        boolean closedAsHandled = c.status() == CaseStatus.SOLVED || c.status() == CaseStatus.UNSOLVABLE
                || c.status() == CaseStatus.ANSWERED; // an answer that did not help: now it is handled
        if (!closedAsHandled || c.closedAt() == null || c.closedAt().plusDays(reopenDays).isBefore(CaseClock.now())) {
            throw ApiException.conflict("case.reopen.notAllowed", reopenDays);
        }
        cases.reopen(number);
        timeline.record(number, user.username(), "reopened", null, reason.strip());
        audit.record(user.username(), "case.reopened", number, reason.strip());
        process.restartAtRouting(number, c.villageCode(), c.categoryCode(), c.reporter(), c.urgency());
    }
}
