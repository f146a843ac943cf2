package cn.minqing.visits;

import java.time.OffsetDateTime;
import java.util.List;

/** A visit as the phone or an API client sends it: the household, when, who was met, what was found. */
record VisitRequest(Long household, OffsetDateTime visitedAt, String met, String notes, Double lat, Double lon,
                    List<Need> needs) {

    /** A need found on the visit: a case to file, or solved on the spot (当场解决). */
    record Need(String title, String description, String category, Boolean anonymous, Boolean solvedOnSpot) {

        boolean solved() {
            return Boolean.TRUE.equals(solvedOnSpot);
        }

        boolean isAnonymous() {
            return Boolean.TRUE.equals(anonymous);
        }
    }

    List<Need> needList() {
        return needs == null ? List.of() : needs;
    }
}
