package cn.minqing.people;

import cn.minqing.county.Organisations;
import cn.minqing.county.Regions;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.tabular.ImportReport;
import cn.minqing.platform.tabular.Table;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports people (columns username, display_name, role, organisation_code, village_code, phone,
 * password): cadres and leaders need an organisation, villagers a village; bad rows are reported.
 */
@Service
public class PeopleImport {

    private final UserAccounts accounts;
    private final Organisations organisations;
    private final Regions regions;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    PeopleImport(UserAccounts accounts, Organisations organisations, Regions regions, PasswordEncoder encoder,
                 AuditLog audit) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.regions = regions;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Transactional
    public ImportReport importRows(List<Table.Line> lines, String actor) {
        ImportReport.Builder report = new ImportReport.Builder();
        for (Table.Line line : lines) {
            String username = line.get("username");
            String problem = problem(line);
            if (problem != null) {
                report.reject(line, username, problem);
                continue;
            }
            Role role = Role.valueOf(line.get("role").toUpperCase(Locale.ROOT));
            accounts.create(username, encoder.encode(line.get("password")), line.get("display_name"), Set.of(role),
                    line.get("village_code"), line.get("organisation_code"));
            if (line.get("phone") != null) {
                accounts.setPhone(username, line.get("phone"));
            }
            audit.record(actor, "account.imported", username, role.name());
            report.imported();
        }
        return report.build();
    }

    private String problem(Table.Line line) {
        String username = line.get("username");
        String role = line.get("role");
        String org = line.get("organisation_code");
        String village = line.get("village_code");
        if (username == null || !username.matches("[A-Za-z0-9._-]{3,64}")) {
            return "用户名缺失或格式不对 / username missing or malformed";
        }
        if (accounts.exists(username)) {
            return "用户名已存在 / username exists already";
        }
        if (line.get("display_name") == null) {
            return "姓名缺失 / display_name missing";
        }
        if (role == null || !List.of("villager", "cadre", "leader").contains(role.toLowerCase(Locale.ROOT))) {
            return "角色应为 villager、cadre 或 leader / role must be villager, cadre or leader";
        }
        if (!role.equalsIgnoreCase("villager") && (org == null || organisations.find(org).isEmpty())) {
            return "干部和领导需要已存在的单位编码 / cadres and leaders need an existing organisation_code";
        }
        if (role.equalsIgnoreCase("villager") && village == null) {
            return "村民需要村编码 / villagers need a village_code";
        }
        if (village != null && !regions.isVillage(village)) {
            return "村编码 " + village + " 不存在 / village_code " + village + " does not exist";
        }
        if (line.get("phone") != null && !line.get("phone").matches("1\\d{10}")) {
            return "手机号应为11位 / phone must have 11 digits";
        }
        if (line.get("password") == null || line.get("password").length() < 8) {
            return "初始密码至少8位 / password needs at least 8 characters";
        }
        return null;
    }
}
