package cn.minqing.county;

import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins add or change an organisation: name, kind, region, the categories it answers for and the phone
 * villagers may call. Every wrong field is named at once; nothing is stored then.
 */
@Service
public class OrganisationAdministration {

    public static final List<String> KINDS = List.of("county-centre", "county-bureau", "township-office",
            "village-committee", "party-branch");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{1,31}");
    private static final Pattern PHONE = Pattern.compile("[0-9][0-9-]{4,19}");

    /** What the admin sends; categories by code, phone optional (blank clears it). */
    public record Edit(String name, String kind, String regionCode, List<String> categories, String phone) {
    }

    private final Organisations organisations;
    private final Regions regions;
    private final Categories categories;
    private final AuditLog audit;

    OrganisationAdministration(Organisations organisations, Regions regions, Categories categories, AuditLog audit) {
        this.organisations = organisations;
        this.regions = regions;
        this.categories = categories;
        this.audit = audit;
    }

    @Transactional
    public Organisation save(String code, Edit edit, String admin) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean known = code != null && organisations.find(code).isPresent();
        if (!known && (code == null || !CODE.matcher(code).matches())) {
            problems.add(new FieldProblem("code", "organisation.code.invalid"));
        }
        if (edit.name() == null || edit.name().isBlank()) {
            problems.add(new FieldProblem("name", "organisation.name.required"));
        } else if (edit.name().strip().length() > 64) {
            problems.add(new FieldProblem("name", "organisation.name.tooLong", 64));
        }
        if (edit.kind() == null || !KINDS.contains(edit.kind())) { // List.of(..).contains(null) throws
            problems.add(new FieldProblem("kind", "organisation.kind.invalid"));
        }
        if (edit.regionCode() == null || regions.find(edit.regionCode()).isEmpty()) {
            problems.add(new FieldProblem("regionCode", "organisation.region.unknown"));
        }
        Set<String> knownCategories = new java.util.HashSet<>();
        categories.everything().forEach(c -> knownCategories.add(c.code()));
        List<String> cats = edit.categories() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(edit.categories().stream().filter(c -> c != null && !c.isBlank()).map(String::strip).toList()));
        if (!knownCategories.containsAll(cats)) {
            problems.add(new FieldProblem("categories", "organisation.categories.unknown"));
        }
        String phone = edit.phone() == null || edit.phone().isBlank() ? null : edit.phone().strip();
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(new FieldProblem("phone", "organisation.phone.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        organisations.save(new Organisation(code, edit.name().strip(), edit.kind(), edit.regionCode(), cats));
        organisations.setPhone(code, phone);
        audit.record(admin, known ? "organisation.changed" : "organisation.added", code,
                edit.name().strip() + (phone == null ? "" : " 电话 " + phone));
        return organisations.find(code).orElseThrow();
    }
}
