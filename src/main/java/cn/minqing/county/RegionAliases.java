package cn.minqing.county;

import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Other names of places (旧村名, 简称), kept in minqing.region_alias. */
@Repository
public class RegionAliases {

    static final List<String> KINDS = List.of("old-name", "short-name", "other");
    private final JdbcClient jdbc;
    private final Regions regions;
    private final ApplicationEventPublisher events;

    RegionAliases(JdbcClient jdbc, Regions regions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.events = events;
    }

    public List<RegionAlias> all() {
        return jdbc.sql("select alias, region_code, kind, note from minqing.region_alias order by region_code, alias")
                .query(RegionAlias.class).list();
    }

    /** Replaces every alias after checking them all: each wrong field is named, nothing is stored then. */
    @Transactional
    public List<RegionAlias> replace(List<RegionAlias> aliases) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < aliases.size(); i++) {
            RegionAlias a = aliases.get(i);
            String at = "[" + i + "].";
            if (a == null || a.alias() == null || a.alias().isBlank() || a.alias().strip().length() > 64) {
                problems.add(new FieldProblem(at + "alias", "regionAlias.alias.invalid"));
            } else if (!seen.add(a.alias().strip())) {
                problems.add(new FieldProblem(at + "alias", "regionAlias.alias.duplicate", a.alias().strip()));
            }
            if (a == null || a.regionCode() == null || a.regionCode().length() > 16 || regions.find(a.regionCode()).isEmpty()) {
                problems.add(new FieldProblem(at + "regionCode", "regionAlias.region.unknown"));
            }
            if (a != null && a.kind() != null && !KINDS.contains(a.kind())) {
                problems.add(new FieldProblem(at + "kind", "regionAlias.kind.invalid"));
            }
            if (a != null && a.note() != null && a.note().length() > 500) {
                problems.add(new FieldProblem(at + "note", "regionAlias.note.tooLong"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("delete from minqing.region_alias").update();
        for (RegionAlias a : aliases) {
            jdbc.sql("insert into minqing.region_alias (alias, region_code, kind, note) values (?, ?, ?, ?)")
                    .params(a.alias().strip(), a.regionCode(), a.kind() == null ? "old-name" : a.kind(),
                            a.note() == null ? "" : a.note()).update();
        }
        events.publishEvent(new RegionAlias.Changed());
        return all();
    }
}
