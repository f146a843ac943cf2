package cn.minqing.casework;

import cn.minqing.cases.CaseStatus;

/** The user tasks of the grassroots-case process; {@code code} is the BPMN activity id and the API's "stage". */
public enum Stage {
    ACCEPT("accept", CaseStatus.RECEIVED),          // 受理
    INVESTIGATE("investigate", CaseStatus.INVESTIGATING), // 调研
    DESIGN("design", CaseStatus.DESIGNING),         // 制定方案
    VERIFY("verify", CaseStatus.VERIFYING);         // 核实

    private final String code;
    private final CaseStatus status;

    Stage(String code, CaseStatus status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    /** The case's status while this stage is open. */
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
