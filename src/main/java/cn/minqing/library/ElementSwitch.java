package cn.minqing.library;

import cn.minqing.county.CategoryAdministration;
import cn.minqing.county.Organisations;
import cn.minqing.county.Regions;
import cn.minqing.platform.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Switches a region, organisation or category off (停用) or on, and writes the cases it touched to the audit log. */
@Component
class ElementSwitch {

    private final DeactivationImpact impact;
    private final CategoryAdministration categories;
    private final Regions regions;
    private final Organisations organisations;
    private final AuditLog audit;

    ElementSwitch(DeactivationImpact impact, CategoryAdministration categories, Regions regions, Organisations organisations,
                  AuditLog audit) {
        this.impact = impact;
        this.categories = categories;
        this.regions = regions;
        this.organisations = organisations;
        this.audit = audit;
    }

    @Transactional
    DeactivationImpact.Impact set(String type, String code, boolean active, String admin) {
        DeactivationImpact.Impact touched = impact.of(type, code);
        switch (type) {
            case "regions" -> regions.setActive(code, active);
            case "organisations" -> organisations.setActive(code, active);
            default -> categories.setActive(code, active);
        }
        audit.record(admin, type + (active ? ".activated" : ".deactivated"), code,
                touched.name() + "：在办 " + touched.open() + " 件，共 " + touched.total() + " 件");
        return touched;
    }
}
