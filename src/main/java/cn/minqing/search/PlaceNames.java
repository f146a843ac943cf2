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

    private static final long REFRESH_MILLIS = 60_000;
    private final JdbcClient jdbc;
    private volatile List<Map.Entry<String, String>> names;
    private volatile long loadedAt;

    PlaceNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 李家村 is also written 李家, 石门镇 also 石门. */
    static String shortForm(String name) {
        boolean suffixed = name.endsWith("村") || name.endsWith("镇") || name.endsWith("乡");
        return name.length() >= 3 && suffixed ? name.substring(0, name.length() - 1) : null;
    }

    Parsed parse(String query) {
        if (query == null || query.isBlank()) {
            return new Parsed(null, query);
        }
        for (Map.Entry<String, String> place : cachedNames()) {
            if (query.contains(place.getKey())) {
                return new Parsed(place.getValue(), query.replace(place.getKey(), " ").strip());
            }
        }
        return new Parsed(null, query);
    }

    /** Read on every search, so kept in memory and reloaded once a minute (names rarely change). */
    private List<Map.Entry<String, String>> cachedNames() {
        if (names == null || System.currentTimeMillis() - loadedAt > REFRESH_MILLIS) {
            names = load();
            loadedAt = System.currentTimeMillis();
        }
        return names;
    }

    private List<Map.Entry<String, String>> load() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select name, code from minqing.region where level in ('township', 'village') and active")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list().forEach(e -> {
                    names.put(e.getKey(), e.getValue());
                    String shortName = shortForm(e.getKey());
                    if (shortName != null) {
                        names.putIfAbsent(shortName, e.getValue());
                    }
                });
        return names.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()).toList();
    }
}
