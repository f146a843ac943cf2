package cn.minqing.search;

import java.util.List;

/**
 * 套话: the words official phrasing wraps around a need (供水保障, 基层医疗服务, 人居环境整治, 农业水利设施, 出行难).
 * Reports never use them, so a query that carries them is also run without them, as strongly as typed: the need
 * itself (供水, 基层医疗, 人居环境, 农业水利, 出行) is what must match.
 */
final class Officialese {

    /** Longest first, so 基础设施 goes before 设施. */
    static final List<String> WORDS = List.of("基础设施", "公共服务", "保障", "服务", "建设", "设施", "整治", "治理", "管理",
            "工作", "问题", "情况", "体系", "机制", "能力", "水平", "提升", "改善", "工程", "落实", "方面", "相关");

    private Officialese() {
    }

    /** The query without its officialese (and a trailing 难 of 出行难/办事难); {@code null} if nothing or all would go. */
    static String core(String query) {
        String core = query;
        for (String w : WORDS) {
            core = core.replace(w, " ");
        }
        core = core.replaceAll("(\\p{IsHan}{2,})难(?=\\s|$)", "$1");
        core = core.replaceAll("\\s+", " ").strip();
        return core.isEmpty() || core.equals(query.strip()) ? null : core;
    }
}
