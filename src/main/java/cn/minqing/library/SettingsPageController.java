package cn.minqing.library;

import cn.minqing.people.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin's casework settings, read-only: the deadlines and routing rules as deployed (DMN, changed by
 * editing the tables), and the deployment's settings (changed in its configuration, with a restart).
 */
@Controller
class SettingsPageController {

    /** One setting: what it is, its value, and where it is changed. */
    record Setting(String id, String name, String value, String where) {
    }

    /** A deployed decision table: its name, version and each rule's description. */
    record Table(String key, String name, int version, List<String> rules) {
    }

    private final RepositoryService repository;
    private final List<Setting> settings;

    SettingsPageController(RepositoryService repository,
                           @Value("${minqing.casework.accept-hours:24}") int acceptHours,
                           @Value("${minqing.casework.feedback-days:7}") int feedbackDays,
                           @Value("${minqing.casework.reopen-days:30}") int reopenDays,
                           @Value("${minqing.casework.approval-cost-threshold:20000}") String approvalThreshold,
                           @Value("${minqing.login.max-failures:5}") int maxFailures,
                           @Value("${minqing.login.first-delay:1m}") Duration firstDelay,
                           @Value("${minqing.login.max-delay:1h}") Duration maxDelay,
                           @Value("${minqing.registration.per-address-per-hour:5}") int signUpsPerAddress,
                           @Value("${minqing.registration.per-village-per-day:50}") int signUpsPerVillage,
                           @Value("${minqing.support.radius-km:3}") String supportRadius) {
        this.repository = repository;
        String config = "部署配置（application.yml 或环境变量），重启后生效";
        this.settings = List.of(
                new Setting("accept-hours", "受理时限", acceptHours + " 小时", "minqing.casework.accept-hours，" + config),
                new Setting("feedback-days", "等待村民评价", feedbackDays + " 天，过期视为未评价", "minqing.casework.feedback-days，" + config),
                new Setting("reopen-days", "办结后可要求重新办理", reopenDays + " 天内", "minqing.casework.reopen-days，" + config),
                new Setting("approval-cost", "方案须领导审批的费用", approvalThreshold + " 元及以上",
                        "minqing.casework.approval-cost-threshold，" + config),
                new Setting("support-radius", "“附近相同问题”的范围", supportRadius + " 公里", "minqing.support.radius-km，" + config),
                new Setting("login-failures", "登录限制", "同一地址连续输错 " + maxFailures + " 次后暂停 " + minutes(firstDelay)
                        + "，再错加倍，最长 " + minutes(maxDelay), "minqing.login.*，" + config + "；单个账号可在“人员”页解除"),
                new Setting("sign-ups", "自助注册上限", "每个地址每小时 " + signUpsPerAddress + " 个，每个村每天 " + signUpsPerVillage + " 个",
                        "minqing.registration.*，" + config));
    }

    @GetMapping("/admin/settings")
    String settings(@AuthenticationPrincipal Principal me, Model model) {
        model.addAttribute("me", me.user());
        model.addAttribute("settings", settings);
        List<Table> tables = new ArrayList<>();
        for (String key : List.of("case-deadlines", "case-routing")) {
            DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
            if (d != null) {
                DmnModelInstance dmn = repository.getDmnModelInstance(d.getId());
                List<String> rules = dmn.getModelElementsByType(Rule.class).stream()
                        .map(r -> r.getDescription() == null ? r.getId() : r.getDescription().getTextContent().strip()).toList();
                tables.add(new Table(key, d.getName(), d.getVersion(), rules));
            }
        }
        model.addAttribute("tables", tables);
        return "admin/settings";
    }

    private static String minutes(Duration d) {
        return d.toMinutes() >= 60 && d.toMinutes() % 60 == 0 ? d.toHours() + " 小时" : d.toMinutes() + " 分钟";
    }
}
