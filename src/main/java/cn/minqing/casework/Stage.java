package cn.minqing.casework;

import cn.minqing.cases.CaseStatus;

/**
 * The user tasks of the grassroots-case process (12345 接诉即办: 受理 → 派单 → 签收 → 办理 → 回访 → 办结);
 * {@code code} is the BPMN activity id and the API's "stage".
 */
public enum Stage {
    ACCEPT("accept", CaseStatus.RECEIVED),            // 受理
    DISPATCH("dispatch", CaseStatus.ACCEPTED),        // 派单 (re-routing after a return)
    SIGN("sign", CaseStatus.DISPATCHED),              // 签收 or 退单
    INVESTIGATE("investigate", CaseStatus.INVESTIGATING), // 调研
    DESIGN("design", CaseStatus.DESIGNING),           // 制定方案
    APPROVE("approve", CaseStatus.APPROVING),         // 领导审批
    IMPLEMENT("implement", CaseStatus.IMPLEMENTING),  // 实施
    VERIFY("verify", CaseStatus.VERIFYING),           // 核实
    FEEDBACK("feedback", CaseStatus.AWAITING_FEEDBACK), // 回访 (the villager rates)
    SUPERVISE("supervise", null),                     // 督办 (beside the case's own stage)
    RATE_ANSWER("rateAnswer", null),                  // 答复评价: the villager rates a direct answer (case stays answered)
    APPROVE_EXTENSION("approve-extension", null),     // 延期审批 by the county centre, beside the handling stage
    APPROVE_SUSPENSION("approve-suspension", null),   // 挂起审批 by the county centre, beside the handling stage
    CALL_BACK("call-back", null),                     // 电话回访: no rating in time, the county centre phones the villager
    COSIGN("cosign", CaseStatus.APPROVING),           // 会签: each organisation involved signs the plan, or refuses
    CO_HANDLE("co-handle", CaseStatus.IMPLEMENTING);  // 协办: a co-organisation carries out its part and reports

    private final String code;
    private final CaseStatus status;

    Stage(String code, CaseStatus status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    /** The case's status while this stage is open; null when the stage runs beside the others. */
    public CaseStatus status() {
        return status;
    }

    public static Stage of(String code) {
        for (Stage s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stage " + code);
    }
}
