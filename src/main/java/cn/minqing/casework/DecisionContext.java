package cn.minqing.casework;

import cn.minqing.cases.CaseView;
import cn.minqing.cases.TimelineEntry;
import cn.minqing.county.Organisation;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person needs to decide a stage, read from the case's timeline (as the viewer may see it): for the
 * approval (领导审批) the plan, its cost and the departments; for the re-dispatch (派单) why the case was
 * returned; for the sign-for (签收) where it was sent and the instruction that came with it.
 */
record DecisionContext(String plan, BigDecimal cost, List<String> departments, TimelineEntry returned,
                       TimelineEntry dispatched, TimelineEntry instruction) {

    /** The design note as {@link StageRules} writes it: plan（预计费用 N 元，涉及 A、B）. */
    private static final Pattern DESIGN = Pattern.compile("(?s)(.*)（预计费用 ([0-9.]+) 元(?:，涉及 (.*))?）$");

    static DecisionContext of(CaseView c, List<Organisation> organisations) {
        List<TimelineEntry> timeline = c.timeline() == null ? List.of() : c.timeline();
        Optional<TimelineEntry> design = last(timeline, e -> e.kind().equals("designed"));
        String plan = design.map(TimelineEntry::note).orElse(null);
        BigDecimal cost = c.handling().estimatedCost();
        List<String> departments = List.of();
        Matcher m = plan == null ? null : DESIGN.matcher(plan);
        if (m != null && m.matches()) {
            plan = m.group(1);
            cost = cost != null ? cost : new BigDecimal(m.group(2));
            Map<String, String> names = organisations.stream()
                    .collect(java.util.stream.Collectors.toMap(Organisation::code, Organisation::name, (a, b) -> a));
            departments = m.group(3) == null ? List.of()
                    : Arrays.stream(m.group(3).split("、")).map(d -> names.getOrDefault(d, d)).toList();
        }
        return new DecisionContext(plan, cost, departments,
                last(timeline, e -> e.kind().equals("returned")).orElse(null),
                last(timeline, e -> List.of("dispatched", "redispatched", "centre-takes").contains(e.kind())
                        && "system".equals(e.actor())).orElse(null),
                last(timeline, e -> List.of("accepted", "redispatched").contains(e.kind()) && !"system".equals(e.actor())
                        && e.note() != null && !e.note().isBlank()).orElse(null));
    }

    private static Optional<TimelineEntry> last(List<TimelineEntry> timeline, Predicate<TimelineEntry> wanted) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (wanted.test(timeline.get(i))) {
                return Optional.of(timeline.get(i));
            }
        }
        return Optional.empty();
    }
}
