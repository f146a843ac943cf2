package cn.minqing.demo;

import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * 青石县 (QS): its townships and villages from demo/regions.csv, and the organisations that work
 * cases there: each village's party branch and committee, each township's office, the county
 * bureaus by category and the county centre (兜底).
 */
@Component
class DemoCounty {

    /** County bureaus: code, name, categories they answer for. */
    static final List<Organisation> BUREAUS = List.of(
            bureau("QS-WATER", "青石县水利局", "water", "irrigation"),
            bureau("QS-TRANSPORT", "青石县交通运输局", "road"),
            bureau("QS-AGRI", "青石县农业农村局", "farm-sales", "land"),
            bureau("QS-CIVIL", "青石县民政局", "subsidy", "elderly"),
            bureau("QS-HEALTH", "青石县卫生健康局", "medical"),
            bureau("QS-EDU", "青石县教育局", "education"),
            bureau("QS-HOUSING", "青石县住房和城乡建设局", "housing"),
            bureau("QS-ECO", "青石县生态环境局", "sanitation"),
            bureau("QS-POLICE", "青石县公安局", "security"),
            bureau("QS-HRSS", "青石县人力资源和社会保障局", "employment"),
            bureau("QS-POWER", "国网青石县供电公司", "power"),
            bureau("QS-IT", "青石县工业和信息化局", "telecom"),
            new Organisation("QS-CENTRE", "青石县群众诉求服务中心", "county-centre", "QS", List.of("other")));

    private final Regions regions;
    private final Organisations organisations;

    DemoCounty(Regions regions, Organisations organisations) {
        this.regions = regions;
        this.organisations = organisations;
    }

    List<Region> load() {
        List<Region> all = DemoText.rows("regions.csv", ",").stream()
                .map(r -> new Region(r[0], r[1], r[2], r[3].isBlank() ? null : r[3], parse(r[4]), parse(r[5])))
                .toList();
        all.forEach(regions::save);
        for (Region r : all) {
            switch (r.level()) {
                case "village" -> {
                    organisations.save(new Organisation(r.code() + "-PB", r.name() + "党支部", "party-branch", r.code(), List.of()));
                    organisations.save(new Organisation(r.code() + "-VC", r.name() + "村民委员会", "village-committee", r.code(), List.of()));
                    organisations.setPhone(r.code() + "-VC", "0731-563" + r.code().substring(2)); // QS01001 → 0731-56301001
                }
                case "township" -> {
                    organisations.save(new Organisation(r.code() + "-GOV", r.name() + "人民政府",
                            "township-office", r.code(), List.of()));
                    organisations.setPhone(r.code() + "-GOV", "0731-562" + r.code().substring(2) + "001"); // QS01 → 0731-56201001
                }
                default -> { }
            }
        }
        BUREAUS.forEach(organisations::save);
        for (int i = 0; i < BUREAUS.size(); i++) {
            // the county centre answers on the county's 12345 line; each bureau has its own number
            String code = BUREAUS.get(i).code();
            organisations.setPhone(code, code.equals("QS-CENTRE") ? "0731-12345" : "0731-558" + String.format("%05d", 11 * (i + 1)));
        }
        return all;
    }

    private static Organisation bureau(String code, String name, String... categories) {
        return new Organisation(code, name, "county-bureau", "QS", List.of(categories));
    }

    private static Double parse(String s) {
        return s == null || s.isBlank() ? null : Double.valueOf(s);
    }
}
