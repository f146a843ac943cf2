package cn.minqing.county;

import java.util.List;

/** 党支部: a party branch of a village or township, its secretary (书记) and its party members (by user name). */
public record PartyBranch(String code, String name, String regionCode, String regionName, String secretary,
                          String secretaryName, List<String> members) {
}
