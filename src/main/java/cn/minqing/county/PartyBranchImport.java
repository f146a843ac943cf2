package cn.minqing.county;

import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.tabular.ImportReport;
import cn.minqing.platform.tabular.Table;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports party branches (党支部; columns code, name, region_code, secretary, members): each good row is saved as an
 * organisation of kind party-branch in its village or township, with its secretary (书记), and its members (user names
 * of party members, separated by {@code ;} or {@code 、}) join it; each bad row is reported with its line and reason.
 */
@Service
public class PartyBranchImport {

    private static final List<String> LEVELS = List.of("village", "township");
    private final Organisations organisations;
    private final Regions regions;
    private final PartyBranches branches;
    private final AuditLog audit;

    PartyBranchImport(Organisations organisations, Regions regions, PartyBranches branches, AuditLog audit) {
        this.organisations = organisations;
        this.regions = regions;
        this.branches = branches;
        this.audit = audit;
    }

    @Transactional
    public ImportReport importRows(List<Table.Line> lines, String actor) {
        ImportReport.Builder report = new ImportReport.Builder();
        for (Table.Line line : lines) {
            String code = line.get("code");
            List<String> members = members(line.get("members"));
            String problem = problem(line, members);
            if (problem != null) {
                report.reject(line, code, problem);
                continue;
            }
            organisations.save(new Organisation(code, line.get("name"), "party-branch", line.get("region_code"), List.of()));
            branches.setSecretary(code, line.get("secretary"));
            for (String member : members) {
                branches.addMember(code, member);
            }
            report.imported();
        }
        ImportReport result = report.build();
        audit.record(actor, "partyBranches.imported", null, result.imported() + " imported, " + result.rejected().size() + " rejected");
        return result;
    }

    private String problem(Table.Line line, List<String> members) {
        String code = line.get("code");
        if (code == null || !code.matches("[A-Z0-9-]{2,32}")) {
            return "编码缺失或格式不对（2-32位大写字母、数字、-） / code missing or malformed";
        }
        Organisation existing = organisations.find(code).orElse(null);
        if (existing != null && !existing.kind().equals("party-branch")) {
            return "编码 " + code + " 已是其他组织 / code " + code + " belongs to another kind of organisation";
        }
        if (line.get("name") == null || line.get("name").length() > 64) {
            return "名称缺失或超过64字 / name missing or too long";
        }
        String region = line.get("region_code");
        Region r = region == null ? null : regions.find(region).orElse(null);
        if (r == null || !LEVELS.contains(r.level())) {
            return "所在村或乡镇 " + region + " 不存在 / region_code " + region + " is no village or township";
        }
        String secretary = line.get("secretary");
        if (secretary != null && !branches.isPartyMember(secretary)) {
            return "书记 " + secretary + " 不是党员账号 / secretary " + secretary + " is no party member's account";
        }
        for (String member : members) {
            if (!branches.isPartyMember(member)) {
                return "成员 " + member + " 不是党员账号 / member " + member + " is no party member's account";
            }
        }
        return null;
    }

    private static List<String> members(String text) {
        List<String> names = new ArrayList<>();
        if (text != null) {
            for (String name : text.split("[;；、,，\\s]+")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }
}
