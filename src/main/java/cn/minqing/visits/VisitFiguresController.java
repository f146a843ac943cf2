package cn.minqing.visits;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Principal;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The figures of 民情走访 for leaders and cadres, within their region, and whether the search index agrees with
 * PostgreSQL on the cases behind them.
 */
@RestController
class VisitFiguresController {

    private final VisitFigures figures;
    private final IndexedVisitFigures indexed;
    private final Regions regions;
    private final ZoneId zone;
    private final String countyCode;

    VisitFiguresController(VisitFigures figures, IndexedVisitFigures indexed, Regions regions,
                           @Value("${minqing.time-zone:Asia/Shanghai}") String zone,
                           @Value("${minqing.county-code}") String countyCode) {
        this.countyCode = countyCode;
        this.figures = figures;
        this.indexed = indexed;
        this.regions = regions;
        this.zone = ZoneId.of(zone);
    }

    record Agreement(boolean agree, Map<String, VisitFigures.CaseCounts> postgres,
                     Map<String, VisitFigures.CaseCounts> index, List<String> differ) {
    }

    @GetMapping("/api/stats/visits")
    List<VisitFigures.Row> visits(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String region,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(defaultValue = "township") String groupBy) {
        String scope = scope(me.user(), region);
        VisitFigures.Grouping grouping = VisitFigures.Grouping.of(groupBy)
                .orElseThrow(() -> new InvalidInputException("groupBy", "visit.figures.groupByWithBranch"));
        return figures.compute(villages(scope), grouping, start(from), start(to.plusDays(1)));
    }

    @GetMapping("/api/stats/visits/agreement")
    Agreement agreement(@AuthenticationPrincipal Principal me, @RequestParam(required = false) String region,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(defaultValue = "township") String groupBy) throws IOException {
        String scope = scope(me.user(), region);
        boolean byTownship = byTownship(groupBy);
        var sql = figures.caseCounts(villages(scope), byTownship, start(from), start(to.plusDays(1)));
        var es = indexed.caseCounts(scope.isEmpty() ? countyCode : scope, byTownship,
                start(from), start(to.plusDays(1)));
        TreeSet<String> groups = new TreeSet<>(sql.keySet());
        groups.addAll(es.keySet());
        List<String> differ = groups.stream().filter(g -> !Objects.equals(sql.get(g), es.get(g))).toList();
        return new Agreement(differ.isEmpty(), sql, es, differ);
    }

    /** The region asked for, if the person's scope covers it; their own scope when none is asked for. */
    private String scope(CurrentUser me, String region) {
        if (!me.is(Role.ADMIN) && !me.is(Role.LEADER) && !me.is(Role.CADRE)) {
            throw ApiException.forbidden("visit.figures.forbidden");
        }
        if (region == null || region.isBlank()) {
            return me.scopeRegion() == null ? "" : me.scopeRegion();
        }
        if (regions.find(region).isEmpty() || !(me.is(Role.ADMIN) || me.covers(regions.pathOf(region)))) {
            throw new InvalidInputException("region", "visit.figures.region", region);
        }
        return region;
    }

    private List<String> villages(String scope) {
        return regions.allWithin(scope).stream().filter(r -> r.level().equals("village")).map(Region::code).toList();
    }

    private static boolean byTownship(String groupBy) {
        if (!groupBy.equals("township") && !groupBy.equals("village")) {
            throw new InvalidInputException("groupBy", "visit.figures.groupBy");
        }
        return groupBy.equals("township");
    }

    private java.time.OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
