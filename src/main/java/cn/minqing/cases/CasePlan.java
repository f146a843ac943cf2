package cn.minqing.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;

/**
 * A work plan (工作方案) a case is linked to, as shown on the case; {@code deferredUntil} when the case is deferred to
 * it (挂账): the date it comes back to its handlers (null otherwise).
 */
public record CasePlan(long id, String title, @JsonProperty("public") boolean isPublic, OffsetDateTime deferredUntil) {

    public CasePlan(long id, String title, boolean isPublic) {
        this(id, title, isPublic, null);
    }
}
