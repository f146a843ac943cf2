package cn.minqing.library;

import cn.minqing.county.Organisation;
import cn.minqing.county.OrganisationAdministration;
import cn.minqing.people.Principal;
import cn.minqing.platform.web.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The element library's API for admins: an organisation with its phone, how many cases a 停用 touches,
 * and switching a region, organisation or category off or on.
 */
@RestController
class ElementAdminController {

    record Active(Boolean active) {
    }

    record Switched(String type, String code, boolean active, DeactivationImpact.Impact impact) {
    }

    private final DeactivationImpact impact;
    private final ElementSwitch elements;
    private final OrganisationAdministration organisationAdministration;

    ElementAdminController(DeactivationImpact impact, ElementSwitch elements,
                           OrganisationAdministration organisationAdministration) {
        this.impact = impact;
        this.elements = elements;
        this.organisationAdministration = organisationAdministration;
    }

    @PutMapping("/api/admin/organisations/{code}")
    Organisation saveOrganisation(@AuthenticationPrincipal Principal me, @PathVariable String code,
                                  @RequestBody OrganisationAdministration.Edit edit) {
        return organisationAdministration.save(code, edit, me.getUsername());
    }

    /** {open, total}: the cases a 停用 of this region, organisation or category touches. */
    @GetMapping("/api/admin/{type:regions|organisations|categories}/{code}/impact")
    DeactivationImpact.Impact impact(@PathVariable String type, @PathVariable String code) {
        return impact.of(type, code);
    }

    @PostMapping("/api/admin/{type:regions|organisations|categories}/{code}/active")
    Switched setActive(@AuthenticationPrincipal Principal me, @PathVariable String type, @PathVariable String code,
                       @RequestBody(required = false) Active body) {
        if (body == null || body.active() == null) {
            throw new InvalidInputException("active", "admin.active.required");
        }
        return new Switched(type, code, body.active(), elements.set(type, code, body.active(), me.getUsername()));
    }
}
