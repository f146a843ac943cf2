package cn.minqing.county;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The region tree of the element library (要素库). */
@Repository
public class Regions {

    private final JdbcClient jdbc;

    Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> find(String code) {
        return jdbc.sql("select code, name, level, parent_code, lat, lon from minqing.region where code = ?")
                .param(code).query(Region.class).optional();
    }

    public List<Region> atLevel(String level) {
        return jdbc.sql("select code, name, level, parent_code, lat, lon from minqing.region where level = ? and active order by code")
                .param(level).query(Region.class).list();
    }

    /**
     * The codes from the county down to this region (its path in the tree), read from the parent links,
     * never guessed from the code's prefix: a scope check compares paths, so region QS1 never covers QS10….
     */
    public List<String> pathOf(String code) {
        return jdbc.sql("""
                with recursive up(code, parent_code, depth) as (
                  select code, parent_code, 0 from minqing.region where code = ?
                  union all
                  select r.code, r.parent_code, up.depth + 1 from minqing.region r join up on r.code = up.parent_code
                   where up.depth < 16)
                select code from up order by depth desc
                """).param(code).query(String.class).list();
    }

    /** Whether {@code code} lies in the region {@code scope} (itself or below it); an empty scope is everything. */
    public boolean within(String code, String scope) {
        if (scope == null || code == null) {
            return false;
        }
        return scope.isEmpty() || pathOf(code).contains(scope);
    }

    /** The region and every region below it, by the parent links (an empty scope: every region). */
    public List<Region> allWithin(String scope) {
        if (scope == null) {
            return List.of();
        }
        if (scope.isEmpty()) {
            return all();
        }
        return jdbc.sql("""
                with recursive down(code, name, level, parent_code, lat, lon, depth) as (
                  select code, name, level, parent_code, lat, lon, 0 from minqing.region where code = ?
                  union all
                  select r.code, r.name, r.level, r.parent_code, r.lat, r.lon, d.depth + 1
                    from minqing.region r join down d on r.parent_code = d.code where d.depth < 16)
                select code, name, level, parent_code, lat, lon from down order by code
                """).param(scope).query(Region.class).list();
    }

    public boolean isVillage(String code) {
        return jdbc.sql("select count(*) from minqing.region where code = ? and level = 'village' and active")
                .param(code).query(Integer.class).single() > 0;
    }

    public void save(Region r) {
        jdbc.sql("""
                insert into minqing.region (code, name, level, parent_code, lat, lon) values (?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, level = excluded.level,
                  parent_code = excluded.parent_code, lat = excluded.lat, lon = excluded.lon
                """).params(r.code(), r.name(), r.level(), r.parentCode(), r.lat(), r.lon()).update();
    }

    /** Every region including deactivated ones, for the admin's element library. */
    public List<Region> all() {
        return jdbc.sql("select code, name, level, parent_code, lat, lon from minqing.region order by code")
                .query(Region.class).list();
    }

    public List<String> inactiveCodes() {
        return jdbc.sql("select code from minqing.region where not active").query(String.class).list();
    }

    public void setActive(String code, boolean active) {
        jdbc.sql("update minqing.region set active = ? where code = ?").params(active, code).update();
    }

    public long count() {
        return jdbc.sql("select count(*) from minqing.region").query(Long.class).single();
    }

    /** The active village with coordinates nearest the point, by great-circle distance; empty when none has any. */
    public java.util.Optional<NearestVillage> nearestVillage(double lat, double lon) {
        return atLevel("village").stream().filter(v -> v.lat() != null && v.lon() != null)
                .min(java.util.Comparator.comparingDouble(v -> metres(lat, lon, v.lat(), v.lon())))
                .map(v -> new NearestVillage(v.code(), v.name(),
                        v.parentCode() == null ? null : find(v.parentCode()).map(Region::name).orElse(null),
                        Math.round(metres(lat, lon, v.lat(), v.lon()))));
    }

    /** Great-circle distance (haversine) in kilometres. */
    public static double kmBetween(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 6371.0 * 2 * Math.asin(Math.sqrt(Math.min(1, a)));
    }

    private static double metres(double lat1, double lon1, double lat2, double lon2) {
        return 1000 * kmBetween(lat1, lon1, lat2, lon2);
    }
}
