package cn.minqing.casework;

import cn.minqing.people.TaskGroups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What every case of the county shares, read by the process model where it needs it ({@code ${caseSettings.…}}):
 * the county centre's group (派单, 回访, extension and suspension approval), the leaders' group (审批, 督办) and the
 * waits before a rating counts as missing. Since issue 16 these are no longer copied into every case's process
 * variables at filing (six rows written twice per case, never changed); instances started before keep their copies.
 */
@Component("caseSettings")
public class CaseSettings {

    private final Handlers handlers;
    private final int feedbackDays;
    private final int callBackDays;

    CaseSettings(Handlers handlers, @Value("${minqing.casework.feedback-days:7}") int feedbackDays,
                 @Value("${minqing.casework.call-back-days:2}") int callBackDays) {
        this.handlers = handlers;
        this.feedbackDays = feedbackDays;
        this.callBackDays = callBackDays;
    }

    /** The county centre (派单中心): dispatch, call-back, extension and suspension approval. */
    public String dispatcherGroup() {
        return TaskGroups.organisation(handlers.countyCentre().code());
    }

    /** The county's leaders: approval of plans and supervision (督办). */
    public String leaderGroup() {
        return handlers.leaders();
    }

    /** 回访: how long the villager has to rate before the county centre phones. */
    public String feedbackWait() {
        return "P" + feedbackDays + "D";
    }

    /** 电话回访: how long the county centre has to reach the villager before no response is recorded. */
    public String callBackWait() {
        return "P" + callBackDays + "D";
    }
}
