package cn.minqing.search;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Place names in a query are places, not words: "李家村 自来水" means the drinking-water cases of
 * 李家村. Names (and their short forms: 李家, 石门) map to region codes; the longest match wins.
 */
@Component
class PlaceNames {

    /** A query split into the region it names (or null) and the words left. */
    record Parsed(String regionCode, String words) {
    }

    private final JdbcClient jdbc;

    PlaceNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Parsed parse(String query) {
        if (query == null || query.isBlank()) {
            return new Parsed(null, query);
        }
        for (Map.Entry<String, String> place : names()) {
            if (query.contains(place.getKey())) {
                return new Parsed(place.getValue(), query.replace(place.getKey(), " ").strip());
            }
        }
        return new Parsed(null, query);
    }

    private List<Map.Entry<String, String>> names() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select name, code from minqing.region where level in ('township', 'village') and active")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().forEach(e -> {
                    names.put(e.getKey(), e.getValue());
                    String name = e.getKey();
                    if (name.length() >= 3 && (name.endsWith("村") || name.endsWith("镇") || name.endsWith("乡"))) {
                        names.putIfAbsent(name.substring(0, name.length() - 1), e.getValue());
                    }
                });
        return names.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()).toList();
    }
}
