package cn.minqing.search;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Place names in a query are places, not words: "李家村 自来水" means the drinking-water cases of 李家村.
 * An exact name of the element library (李家村, 石门镇, 石门社区) may filter; anything inexact — a short form
 * (李家, 石门), 村 for 社区 (石门村), an alias from minqing.region_alias (an old name) — only raises that
 * place's cases. The longest match wins; an exact name wins over an inexact one of the same spelling.
 */
@Component
class PlaceNames {

    /** A query split into the region it names (or null), the words left, and whether the name was exact. */
    record Parsed(String regionCode, String words, boolean exact) {

        Parsed(String regionCode, String words) {
            this(regionCode, words, regionCode != null);
        }
    }

    private record Place(String code, boolean exact) {
    }

    private static final long REFRESH_MILLIS = 60_000;
    private final JdbcClient jdbc;
    private volatile List<Map.Entry<String, Place>> names;
    private volatile long loadedAt;

    PlaceNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 李家村 is also written 李家, 石门镇 also 石门, 石门社区 also 石门. */
    static String shortForm(String name) {
        if (name.length() >= 4 && name.endsWith("社区")) {
            return name.substring(0, name.length() - 2);
        }
        boolean suffixed = name.endsWith("村") || name.endsWith("镇") || name.endsWith("乡");
        return name.length() >= 3 && suffixed ? name.substring(0, name.length() - 1) : null;
    }

    Parsed parse(String query) {
        if (query == null || query.isBlank()) {
            return new Parsed(null, query, false);
        }
        for (Map.Entry<String, Place> place : cachedNames()) {
            if (query.contains(place.getKey())) {
                return new Parsed(place.getValue().code(), query.replace(place.getKey(), " ").strip(),
                        place.getValue().exact());
            }
        }
        return new Parsed(null, query, false);
    }

    /** Forgets the loaded names when an admin changed the aliases. */
    @org.springframework.context.event.EventListener(cn.minqing.county.RegionAlias.Changed.class)
    void reload() {
        names = null;
    }

    /** Read on every search, so kept in memory and reloaded once a minute (names rarely change). */
    private List<Map.Entry<String, Place>> cachedNames() {
        if (names == null || System.currentTimeMillis() - loadedAt > REFRESH_MILLIS) {
            names = load();
            loadedAt = System.currentTimeMillis();
        }
        return names;
    }

    private List<Map.Entry<String, Place>> load() {
        Map<String, Place> names = new LinkedHashMap<>();
        List<Map.Entry<String, String>> regions = jdbc.sql(
                        "select name, code from minqing.region where level in ('township', 'village') and active")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        regions.forEach(e -> names.put(e.getKey(), new Place(e.getValue(), true)));
        for (Map.Entry<String, String> e : regions) {
            String shortName = shortForm(e.getKey());
            if (shortName != null && shortName.length() >= 2) {
                names.putIfAbsent(shortName, new Place(e.getValue(), false));
            }
            if (e.getKey().endsWith("社区") && shortName != null) {
                names.putIfAbsent(shortName + "村", new Place(e.getValue(), false));
            } else if (e.getKey().endsWith("村") && e.getKey().length() >= 3) {
                names.putIfAbsent(e.getKey().substring(0, e.getKey().length() - 1) + "社区", new Place(e.getValue(), false));
            }
        }
        jdbc.sql("select a.alias, a.region_code from minqing.region_alias a join minqing.region r on r.code = a.region_code"
                        + " where r.active").query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> names.putIfAbsent(e.getKey(), new Place(e.getValue(), false)));
        return names.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Place> e) -> e.getKey().length()).reversed()).toList();
    }
}
