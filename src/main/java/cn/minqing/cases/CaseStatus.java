package cn.minqing.cases;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a case stands. The last five are outcomes; "closed" never means "solved". */
public enum CaseStatus {
    RECEIVED("received", "已接收"),
    ACCEPTED("accepted", "已受理"),
    DISPATCHED("dispatched", "已派单"),
    SIGNED("signed", "已签收"),
    INVESTIGATING("investigating", "调研中"),
    DESIGNING("designing", "制定方案"),
    APPROVING("approving", "待审批"),
    IMPLEMENTING("implementing", "实施中"),
    VERIFYING("verifying", "核实中"),
    AWAITING_FEEDBACK("awaiting-feedback", "待回访"),
    REWORK("rework", "重办"),
    SOLVED("solved", "已解决"),
    UNSOLVABLE("unsolvable", "已办结未解决"),
    REJECTED("rejected", "不予受理"),
    MERGED("merged", "重复"),
    ANSWERED("answered", "已直接答复"); // 直接答复: answered at intake, counted apart from solved

    private final String code;
    private final String nameZh;

    CaseStatus(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public boolean isFinal() {
        return this == SOLVED || this == UNSOLVABLE || this == REJECTED || this == MERGED || this == ANSWERED;
    }

    public static CaseStatus of(String code) {
        for (CaseStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown case status " + code);
    }
}
