package cn.minqing.library;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.platform.web.ApiException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many cases a 停用 touches, shown before the admin confirms: the cases filed in a region (and every
 * region below it), handled by an organisation, or filed under a category; open ones are not yet closed.
 */
@Component
class DeactivationImpact {

    /** The element, its name, and its cases. */
    record Impact(String type, String code, String name, long open, long total) {
    }

    static final List<String> TYPES = List.of("regions", "organisations", "categories");

    private final JdbcClient jdbc;
    private final Regions regions;

    DeactivationImpact(JdbcClient jdbc, Regions regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    Impact of(String type, String code) {
        return switch (type) {
            case "regions" -> {
                Region region = regions.find(code).orElseThrow(() -> ApiException.notFound("region.notFound", code));
                List<String> within = regions.allWithin(code).stream().map(Region::code).toList();
                yield count(type, code, region.name(), "c.village_code = any(?::varchar[])", "{" + String.join(",", within) + "}");
            }
            case "organisations" -> count(type, code, name("organisation", "name", code, "organisation.notFound"),
                    "c.handling_org = ?", code);
            case "categories" -> count(type, code, name("category", "name_zh", code, "category.notFound"),
                    "c.category_code = ?", code);
            default -> throw ApiException.notFound("admin.type.unknown", type);
        };
    }

    private Impact count(String type, String code, String name, String where, Object param) {
        record Counts(long open, long total) {
        }
        Counts c = jdbc.sql("select count(*) filter (where c.closed_at is null and c.status not in ('rejected', 'merged')) as open,"
                + " count(*) as total from minqing.case_record c where " + where).param(param).query(Counts.class).single();
        return new Impact(type, code, name, c.open(), c.total());
    }

    private String name(String table, String column, String code, String notFound) {
        return jdbc.sql("select " + column + " from minqing." + table + " where code = ?").param(code).query(String.class)
                .optional().orElseThrow(() -> ApiException.notFound(notFound, code));
    }
}
