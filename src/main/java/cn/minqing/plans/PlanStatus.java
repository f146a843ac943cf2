package cn.minqing.plans;

import java.util.Arrays;
import java.util.Optional;

/** Where a work plan stands in processes/work-plan.bpmn: 草拟 → 已批准 → 实施中 → 已评估 → 已关闭. */
enum PlanStatus {
    DRAFT("draft", "草拟"),
    APPROVED("approved", "已批准"),
    IN_PROGRESS("in-progress", "实施中"),
    EVALUATED("evaluated", "已评估"),
    CLOSED("closed", "已关闭");

    private final String code;
    private final String nameZh;

    PlanStatus(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    String code() {
        return code;
    }

    String nameZh() {
        return nameZh;
    }

    static Optional<PlanStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
