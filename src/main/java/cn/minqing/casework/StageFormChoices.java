package cn.minqing.casework;

import cn.minqing.cases.CaseView;
import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.county.Regions;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The organisations a stage form offers, by name, never by code: the county bureaus and the case's own township
 * office, those that answer for the case's category (the routing table's organisation categories) first and,
 * on the plan's 涉及部门 picker, ticked in advance. The form still posts the codes the API takes.
 */
@Component
class StageFormChoices {

    /** One organisation on a picker; {@code answers}: it answers for the case's category. */
    record OrganisationChoice(String code, String name, String kind, boolean answers) {
    }

    private final Organisations organisations;
    private final Regions regions;

    StageFormChoices(Organisations organisations, Regions regions) {
        this.organisations = organisations;
        this.regions = regions;
    }

    List<OrganisationChoice> organisationsFor(CaseView c) {
        List<String> path = c.villageCode() == null ? List.of() : regions.pathOf(c.villageCode());
        List<String> inactive = organisations.inactiveCodes();
        return organisations.all().stream()
                .filter(o -> !inactive.contains(o.code()))
                .filter(o -> o.kind().equals("county-bureau") || o.kind().equals("township-office") && path.contains(o.regionCode()))
                .map(o -> new OrganisationChoice(o.code(), o.name(), o.kind(), answers(o, c)))
                .sorted(Comparator.comparing((OrganisationChoice o) -> !o.answers())
                        .thenComparing(o -> !o.kind().equals("township-office")).thenComparing(OrganisationChoice::code))
                .toList();
    }

    private static boolean answers(Organisation o, CaseView c) {
        return o.categories() != null && o.categories().contains(c.category());
    }
}
