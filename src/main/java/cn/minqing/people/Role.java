package cn.minqing.people;

/** What a person may do in Minqing. */
public enum Role {
    VILLAGER, // 村民
    CADRE,    // 网格员、村干部、乡镇和部门工作人员
    LEADER,   // 领导
    PARTY_MEMBER, // 联户党员: visits the households assigned to them (民情走访)
    ADMIN     // 管理员
}
