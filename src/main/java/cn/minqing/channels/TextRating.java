package cn.minqing.channels;

import cn.minqing.casework.Casework;
import cn.minqing.casework.CompletionForm;
import cn.minqing.casework.TaskFilter;
import cn.minqing.casework.TaskView;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import org.springframework.stereotype.Component;

/** A rating by text goes through the same 回访 task and rules as one on the page, as the reporter. */
@Component
class TextRating {

    private final Casework casework;
    private final UserAccounts accounts;

    TextRating(Casework casework, UserAccounts accounts) {
        this.casework = casework;
        this.accounts = accounts;
    }

    /** Rates the case as its reporter; false when the case has no 回访 task for them (any more). */
    boolean rate(String caseNumber, String username, String choice) {
        CurrentUser reporter = accounts.find(username).map(UserAccounts.Account::user).orElse(null);
        if (reporter == null) {
            return false;
        }
        for (TaskView task : casework.tasksFor(reporter, TaskFilter.ofCase(caseNumber))) {
            if (task.stage().equals("feedback") || task.stage().equals("rateAnswer")) {
                CompletionForm form = new CompletionForm(null, null, null, null, null, null, null, null, null, null,
                        null, choice, "短信评价");
                casework.complete(task.id(), reporter, form);
                return true;
            }
        }
        return false;
    }
}
