package cn.minqing.households;

import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.Role;
import cn.minqing.people.UserAccounts;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.tabular.ImportReport;
import cn.minqing.platform.tabular.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports households (columns code, village_code, grid_code, address, head_name, head_account, members, tags,
 * phone, lat, lon, grid_member, party_member; tags by name or code, separated by 、 ; or |). Every refused row
 * comes back with its reason; the good rows are stored.
 */
@Service
public class HouseholdImport {

    private final Households households;
    private final HouseholdTags tags;
    private final Regions regions;
    private final UserAccounts accounts;
    private final AuditLog audit;

    HouseholdImport(Households households, HouseholdTags tags, Regions regions, UserAccounts accounts, AuditLog audit) {
        this.households = households;
        this.tags = tags;
        this.regions = regions;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public ImportReport importRows(List<Table.Line> lines, String actor) {
        ImportReport.Builder report = new ImportReport.Builder();
        Set<String> seen = new HashSet<>();
        for (Table.Line line : lines) {
            String code = line.get("code");
            List<String> tagCodes = new ArrayList<>();
            String problem = problem(line, tagCodes);
            if (problem == null && !seen.add(code)) {
                problem = "户编号在表中重复 / code repeated in the sheet";
            }
            if (problem != null) {
                report.reject(line, code, problem);
                continue;
            }
            households.insert(new Households.NewHousehold(code, line.get("village_code"), line.get("grid_code"),
                    line.get("address"), line.get("head_name"), line.get("head_account"), members(line),
                    line.get("phone"), number(line.get("lat")), number(line.get("lon")), line.get("grid_member"),
                    line.get("party_member"), tagCodes));
            audit.record(actor, "household.imported", code, line.get("village_code"));
            report.imported();
        }
        return report.build();
    }

    private String problem(Table.Line line, List<String> tagCodes) {
        String code = line.get("code");
        String village = line.get("village_code");
        if (code == null || !code.matches("[A-Za-z0-9._-]{1,40}")) {
            return "户编号缺失或格式不对 / code missing or malformed";
        }
        if (households.codeExists(code)) {
            return "户编号已存在 / code exists already";
        }
        if (village == null || !regions.isVillage(village)) {
            return "村编码 " + village + " 不存在 / village_code " + village + " does not exist";
        }
        String grid = line.get("grid_code");
        if (grid != null && !regions.find(grid).map(Region::parentCode).filter(village::equals).isPresent()) {
            return "网格 " + grid + " 不属于该村 / grid_code " + grid + " is no grid of the village";
        }
        if (line.get("address") == null || line.get("address").length() > 200) {
            return "地址缺失或过长 / address missing or too long";
        }
        if (line.get("head_name") == null || line.get("head_name").length() > 60) {
            return "户主姓名缺失或过长 / head_name missing or too long";
        }
        String head = line.get("head_account");
        if (head != null && !hasRole(head, Role.VILLAGER)) {
            return "户主账号 " + head + " 不是村民 / head_account " + head + " is no villager";
        }
        if (members(line) < 1) {
            return "家庭人口应为1到99 / members must be 1 to 99";
        }
        if (line.get("phone") != null && !line.get("phone").matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}")) {
            return "电话号码格式不对 / phone malformed";
        }
        if (!place(line.get("lat"), 90) || !place(line.get("lon"), 180)
                || (line.get("lat") == null) != (line.get("lon") == null)) {
            return "坐标应成对且在范围内 / lat and lon must come as a pair, within range";
        }
        if (line.get("grid_member") == null || !hasRole(line.get("grid_member"), Role.CADRE)) {
            return "网格员账号缺失或不是干部 / grid_member missing or no cadre";
        }
        if (line.get("party_member") != null && !hasRole(line.get("party_member"), Role.PARTY_MEMBER)) {
            return "联户党员账号 " + line.get("party_member") + " 不是党员 / party_member is no party member";
        }
        return tagProblem(line.get("tags"), tagCodes);
    }

    private String tagProblem(String cell, List<String> tagCodes) {
        if (cell == null) {
            return null;
        }
        for (String name : cell.split("[、;；|,，]")) {
            if (name.isBlank()) {
                continue;
            }
            Optional<HouseholdTag> tag = tags.find(name.strip());
            if (tag.isEmpty()) {
                return "标签 " + name.strip() + " 不存在 / tag " + name.strip() + " unknown";
            }
            tagCodes.add(tag.get().code());
        }
        return null;
    }

    private boolean hasRole(String username, Role role) {
        return accounts.find(username).map(a -> a.user().is(role)).orElse(false);
    }

    private static int members(Table.Line line) {
        String m = line.get("members");
        if (m == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(m.replaceAll("\\.0+$", ""));
            return n >= 1 && n <= 99 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean place(String value, double max) {
        if (value == null) {
            return true;
        }
        Double d = number(value);
        return d != null && Math.abs(d) <= max;
    }

    private static Double number(String value) {
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
