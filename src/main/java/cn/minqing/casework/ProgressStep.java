package cn.minqing.casework;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One stage of a case's way, as its reporter and its cadres follow it ({@code GET /api/cases/{number}/progress}).
 * {@code state}: done, current or ahead; {@code holder}: the organisation or group that holds the stage, by its
 * Chinese name (never a person); {@code events}: what happened to the stage besides its work — returned (退单),
 * reworked (重办), supervised (督办, red flag), sent-back (审批退回), reopened (村民要求重新办理).
 */
public record ProgressStep(String stage, String name, String state, OffsetDateTime enteredAt, OffsetDateTime leftAt,
                           String holder, OffsetDateTime due, List<String> events) {
}
