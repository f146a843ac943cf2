package cn.minqing.cases;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A co-organisation of a joint handling (协办单位): {@code status} planned (named at design), open (its co-handle task
 * runs), reported, or closed (the lead organisation closed the joint handling without its report, {@code reason}
 * says why); {@code days}: its working days; {@code late}: it reported after its deadline, or has not reported and
 * the deadline has passed, or was closed without a report after it ({@code closedAt}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoOrganisation(String code, String name, int days, String status, OffsetDateTime due,
                             OffsetDateTime reportedAt, String reason, OffsetDateTime closedAt) {

    public static final String PLANNED = "planned";
    public static final String OPEN = "open";
    public static final String REPORTED = "reported";
    public static final String CLOSED = "closed";

    @JsonProperty("late")
    public boolean late() {
        if (due == null) {
            return false;
        }
        OffsetDateTime at = reportedAt != null ? reportedAt : closedAt != null ? closedAt : CaseClock.now();
        return at.isAfter(due);
    }

    public boolean waiting() {
        return PLANNED.equals(status) || OPEN.equals(status);
    }

    public CoOrganisation opened(OffsetDateTime dueAt) {
        return new CoOrganisation(code, name, days, OPEN, dueAt, null, null, null);
    }

    public CoOrganisation reported(OffsetDateTime at) {
        return new CoOrganisation(code, name, days, REPORTED, due, at, null, null);
    }

    public CoOrganisation closed(String why, OffsetDateTime at) {
        return new CoOrganisation(code, name, days, CLOSED, due, null, why, at);
    }
}
