package cn.minqing.households;

import java.util.List;

/**
 * A household's file as an admin edits it (PUT replaces every field below; the code, who serves it and whether it
 * is active are changed elsewhere). Tags by code or name.
 */
public record HouseholdEdit(String villageCode, String gridCode, String address, String headName, String headAccount,
                            Integer members, List<String> tags, String phone, Double lat, Double lon) {

    List<String> tagList() {
        return tags == null ? List.of() : tags;
    }

    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
