package cn.minqing.cases;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A work plan (工作方案) a case is linked to, as shown on the case. */
public record CasePlan(long id, String title, @JsonProperty("public") boolean isPublic) {
}
