package cn.minqing.stats;

import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.Role;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Leaders' and admins' indicators, in their region, with the change against the previous period. */
@Service
class StatsService {

    private final Indicators indicators;
    private final Regions regions;
    private final Categories categories;
    private final Organisations organisations;
    private final ZoneId zone;

    StatsService(Indicators indicators, Regions regions, Categories categories, Organisations organisations,
                 @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.indicators = indicators;
        this.regions = regions;
        this.categories = categories;
        this.organisations = organisations;
        this.zone = ZoneId.of(zone);
    }

    public record Report(StatsQuery query, LocalDate previousFrom, LocalDate previousTo, List<IndicatorDefinition> definitions,
                  List<StatsRow> rows) {
    }

    @Transactional(readOnly = true)
    Report report(String region, String organisation, String category, LocalDate from, LocalDate to, String groupBy,
                  CurrentUser user) {
        String scope = scopeOf(user);
        String r = region == null || region.isBlank() ? scope : region;
        if (!r.startsWith(scope)) {
            throw ApiException.forbidden("stats.outOfScope");
        }
        String g = groupBy == null || groupBy.isBlank() ? "none" : groupBy;
        if (!Indicators.GROUPS.containsKey(g)) {
            throw new InvalidInputException("groupBy", "stats.groupBy.invalid");
        }
        LocalDate end = to != null ? to : LocalDate.now(zone);
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", "stats.period.invalid");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        StatsQuery q = new StatsQuery(r, blank(organisation), blank(category), start, end, g);
        Map<String, IndicatorValues> now = indicators.compute(q, start.atStartOfDay(zone).toOffsetDateTime(),
                end.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        Map<String, IndicatorValues> before = indicators.compute(q, start.minusDays(days).atStartOfDay(zone).toOffsetDateTime(),
                start.atStartOfDay(zone).toOffsetDateTime());
        List<StatsRow> rows = now.entrySet().stream().map(e -> {
            IndicatorValues prev = before.getOrDefault(e.getKey(), IndicatorValues.empty());
            return new StatsRow(e.getKey(), nameOf(g, e.getKey()), e.getValue(), prev, change(e.getValue(), prev));
        }).toList();
        return new Report(q, start.minusDays(days), start.minusDays(1), indicators.definitions(), rows);
    }

    private static String scopeOf(CurrentUser user) {
        if (user.is(Role.ADMIN)) {
            return "";
        }
        if (user.is(Role.LEADER) && user.scopeRegion() != null) {
            return user.scopeRegion();
        }
        throw ApiException.forbidden("stats.forbidden");
    }

    private static Map<String, Double> change(IndicatorValues now, IndicatorValues before) {
        Map<String, Double> change = new LinkedHashMap<>();
        Map<String, Object> a = now.asMap();
        Map<String, Object> b = before.asMap();
        a.forEach((k, v) -> {
            if (v instanceof Number n && b.get(k) instanceof Number m) {
                change.put(k, Math.round((n.doubleValue() - m.doubleValue()) * 10000) / 10000.0);
            }
        });
        return change;
    }

    private String nameOf(String groupBy, String key) {
        return switch (groupBy) {
            case "township", "village" -> regions.find(key).map(Region::name).orElse(key);
            case "category" -> categories.find(key).map(Category::nameZh).orElse(key);
            case "organisation" -> organisations.find(key).map(Organisation::name).orElse(key);
            default -> "全部";
        };
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
