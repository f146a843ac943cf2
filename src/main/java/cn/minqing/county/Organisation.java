package cn.minqing.county;

import java.util.List;

/** A party branch, village committee, township office, county bureau or the county centre. */
public record Organisation(String code, String name, String kind, String regionCode, List<String> categories) {
}
