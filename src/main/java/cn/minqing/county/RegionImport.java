package cn.minqing.county;

import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.tabular.ImportReport;
import cn.minqing.platform.tabular.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports regions (columns code, name, level, parent_code, lat, lon): each good row is saved, each bad
 * row is reported with its line and the reason; a child's code extends its parent's.
 */
@Service
public class RegionImport {

    private static final List<String> LEVELS = List.of("county", "township", "village", "grid");
    private final Regions regions;
    private final AuditLog audit;

    RegionImport(Regions regions, AuditLog audit) {
        this.regions = regions;
        this.audit = audit;
    }

    @Transactional
    public ImportReport importRows(List<Table.Line> lines, String actor) {
        ImportReport.Builder report = new ImportReport.Builder();
        Map<String, String> levelsSeen = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        regions.all().forEach(r -> parents.put(r.code(), r.parentCode()));
        for (Table.Line line : lines) {
            String code = line.get("code");
            String problem = problem(line, levelsSeen);
            if (problem == null) {
                problem = prefixClash(code, line.get("parent_code"), parents);
            }
            if (problem != null) {
                report.reject(line, code, problem);
                continue;
            }
            regions.save(new Region(code, line.get("name"), line.get("level"), line.get("parent_code"),
                    number(line.get("lat")), number(line.get("lon"))));
            levelsSeen.put(code, line.get("level"));
            parents.put(code, line.get("parent_code"));
            report.imported();
        }
        ImportReport result = report.build();
        audit.record(actor, "regions.imported", null, result.imported() + " imported, " + result.rejected().size() + " rejected");
        return result;
    }

    private String problem(Table.Line line, Map<String, String> levelsSeen) {
        String code = line.get("code");
        String level = line.get("level");
        String parent = line.get("parent_code");
        if (code == null || !code.matches("[A-Z0-9-]{2,16}")) {
            return "编码缺失或格式不对（2-16位大写字母、数字） / code missing or malformed";
        }
        if (line.get("name") == null || line.get("name").length() > 64) {
            return "名称缺失或超过64字 / name missing or too long";
        }
        if (level == null || !LEVELS.contains(level)) {
            return "级别应为 county、township、village 或 grid / level must be county, township, village or grid";
        }
        if (!level.equals("county")) {
            String parentLevel = parent == null ? null
                    : levelsSeen.getOrDefault(parent, regions.find(parent).map(Region::level).orElse(null));
            if (parentLevel == null) {
                return "上级编码 " + parent + " 不存在 / parent_code " + parent + " does not exist";
            }
            if (LEVELS.indexOf(parentLevel) != LEVELS.indexOf(level) - 1 || !code.startsWith(parent)) {
                return "上级级别不对，或编码不以上级编码开头 / parent level wrong, or code does not extend the parent's";
            }
        }
        try {
            Double lat = number(line.get("lat"));
            Double lon = number(line.get("lon"));
            if ((lat != null && Math.abs(lat) > 90) || (lon != null && Math.abs(lon) > 180)) {
                return "经纬度超出范围 / lat or lon out of range";
            }
        } catch (NumberFormatException e) {
            return "经纬度不是数字 / lat or lon is not a number";
        }
        return null;
    }

    /**
     * Scope checks and statistics select a region's cases by its code, so two codes where one begins with the
     * other must be one region's ancestor and descendant: a township QS1 beside a township QS10 would let QS1's
     * cadres count QS10's villages. Such a code is refused, naming the region it clashes with.
     */
    static String prefixClash(String code, String parent, Map<String, String> parents) {
        for (String other : parents.keySet()) {
            if (other.equals(code)) {
                continue;
            }
            boolean clash = code.startsWith(other) ? !isAncestor(other, parent, parents)
                    : other.startsWith(code) && !isAncestor(code, parents.get(other), parents);
            if (clash) {
                return "编码与 " + other + " 互为前缀却不是其上级或下级 / code and " + other
                        + " begin one with the other but are not ancestor and descendant";
            }
        }
        return null;
    }

    /** Whether {@code ancestor} is {@code from} or above it, following the parent links. */
    private static boolean isAncestor(String ancestor, String from, Map<String, String> parents) {
        String at = from;
        for (int depth = 0; at != null && depth < 16; depth++) {
            if (at.equals(ancestor)) {
                return true;
            }
            at = parents.get(at);
        }
        return false;
    }

    private static Double number(String value) {
        return value == null ? null : Double.valueOf(value);
    }
}
