package cn.minqing.county;

import java.util.List;

/** A category as the admin edits it: names, icon, search keywords, place in the list, on or off, and its questions. */
public record CategoryDetails(String code, String nameZh, String nameEn, String domain, String icon, String keywords,
                              int sort, boolean active, List<String> questions) {

    /** An admin's edit; fields left out (null) keep their value, or take a default for a new category. */
    public record Edit(String nameZh, String nameEn, String domain, String icon, String keywords, Integer sort,
                       Boolean active, List<String> questions) {
    }
}
