package cn.minqing.channels;

import cn.minqing.people.UserAccounts;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Choosing channels: SMS needs a mobile number on the account, WeChat a bound WeChat. */
@Service
class ChannelSettings {

    private final ChannelChoices choices;
    private final UserAccounts accounts;
    private final WechatBindings bindings;
    private final AuditLog audit;

    ChannelSettings(ChannelChoices choices, UserAccounts accounts, WechatBindings bindings, AuditLog audit) {
        this.choices = choices;
        this.accounts = accounts;
        this.bindings = bindings;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    ChannelChoice of(String username) {
        return choices.of(username);
    }

    @Transactional
    ChannelChoice choose(String username, ChannelChoice choice) {
        List<FieldProblem> problems = new ArrayList<>();
        if (Boolean.TRUE.equals(choice.sms()) && accounts.phoneOf(username).isEmpty()) {
            problems.add(new FieldProblem("sms", "channels.sms.noPhone"));
        }
        if (Boolean.TRUE.equals(choice.wechat()) && bindings.openIdOf(username).isEmpty()) {
            problems.add(new FieldProblem("wechat", "channels.wechat.notBound"));
        }
        problems.addAll(ChannelChoices.problems(choice.quietHours()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ChannelChoice saved = choices.save(username, choice);
        audit.record(username, "channels.chosen", username, "inApp=" + saved.inApp() + " sms=" + saved.sms()
                + " wechat=" + saved.wechat());
        return saved;
    }
}
