package cn.minqing.casework;

import cn.minqing.cases.CaseRecord;
import cn.minqing.cases.CaseView;
import cn.minqing.cases.CaseViews;
import cn.minqing.cases.Cases;
import cn.minqing.county.Organisation;
import cn.minqing.county.Organisations;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a case stands, stage by stage (受理 → 派单 → 签收 → 调研 → 制定方案 → (审批) → 实施 → 核实 → 回访), derived from
 * its timeline ({@link ProgressWalk}); the open stage's deadline comes from its task in the engine. Holders are
 * organisations or groups by name, never people. Stages of a closed case that never happened are left out, as is
 * approval unless it happened.
 */
@Service
public class CaseProgress {

    /** A case's steps, and the code of its handler's organisation (the village committee until it is dispatched). */
    public record Progress(CaseView view, List<ProgressStep> steps, String holderCode) {

        public ProgressStep current() {
            return steps.stream().filter(s -> s.state().equals("current")).findFirst().orElse(null);
        }
    }

    private final CaseViews views;
    private final Cases cases;
    private final TaskService tasks;
    private final Organisations organisations;
    private final Regions regions;
    private final MessageSource messages;
    private final String countyCode;
    private final int acceptHours;
    private final ZoneId zone;

    CaseProgress(CaseViews views, Cases cases, TaskService tasks, Organisations organisations, Regions regions,
                 MessageSource messages, @Value("${minqing.county-code}") String countyCode,
                 @Value("${minqing.casework.accept-hours:24}") int acceptHours,
                 @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.views = views;
        this.cases = cases;
        this.tasks = tasks;
        this.organisations = organisations;
        this.regions = regions;
        this.messages = messages;
        this.countyCode = countyCode;
        this.acceptHours = acceptHours;
        this.zone = ZoneId.of(zone);
    }

    /** The steps of a case the viewer may see (404 as for the case itself). */
    @Transactional(readOnly = true)
    public List<ProgressStep> stepsOf(String number, CurrentUser viewer) {
        return of(number, viewer).steps();
    }

    @Transactional(readOnly = true)
    public Progress of(String number, CurrentUser viewer) {
        CaseView view = views.get(number, viewer);
        CaseRecord c = cases.find(number).orElseThrow();
        ProgressWalk walk = new ProgressWalk(view.timeline(), c.status());
        Stage current = walk.current();
        Locale locale = LocaleContextHolder.getLocale();
        List<ProgressStep> steps = new ArrayList<>();
        boolean passedCurrent = current == null;
        Map<Stage, Optional<Organisation>> holders = new EnumMap<>(Stage.class); // a few look-ups, not one per stage
        Function<Stage, Organisation> holderOf = stage -> holders.computeIfAbsent(sameHolder(stage),
                s -> Optional.ofNullable(holder(s, c))).orElse(null);
        for (Stage stage : ProgressWalk.ORDER) {
            ProgressWalk.Pass pass = walk.pass(stage);
            boolean isCurrent = stage == current;
            boolean ahead = !isCurrent && !pass.entered;
            boolean listed = c.status().isFinal() ? pass.entered
                    : isCurrent || pass.entered || (passedCurrent && stage != Stage.APPROVE);
            passedCurrent |= isCurrent;
            if (!listed) {
                continue;
            }
            Organisation holder = holderOf.apply(stage);
            steps.add(new ProgressStep(stage.code(), messages.getMessage("stage." + stage.code(), null, locale),
                    isCurrent ? "current" : ahead ? "ahead" : "done", pass.enteredAt, isCurrent ? null : pass.leftAt,
                    holderName(stage, holder, locale), due(stage, c, isCurrent), List.copyOf(pass.events)));
        }
        Organisation handler = holderOf.apply(c.handlingOrg() != null ? Stage.IMPLEMENT : Stage.ACCEPT);
        return new Progress(view, steps, handler == null ? null : handler.code());
    }

    /** Stages held by the same organisation: the village's (受理, 核实) and the handler's (签收 … 实施). */
    private static Stage sameHolder(Stage stage) {
        return switch (stage) {
            case VERIFY -> Stage.ACCEPT;
            case SIGN, INVESTIGATE, DESIGN -> Stage.IMPLEMENT;
            default -> stage;
        };
    }

    /** The organisation that holds a stage of this case; null for the leaders and the reporter, or before dispatch. */
    private Organisation holder(Stage stage, CaseRecord c) {
        return switch (stage) {
            case ACCEPT, VERIFY -> organisations.ofKindIn("village-committee", c.villageCode()).orElse(null);
            case DISPATCH -> organisations.ofKindIn("county-centre", countyCode).orElse(null);
            case SIGN, INVESTIGATE, DESIGN, IMPLEMENT -> c.handlingOrg() == null ? null
                    : organisations.find(c.handlingOrg()).orElse(null);
            default -> null;
        };
    }

    private String holderName(Stage stage, Organisation holder, Locale locale) {
        if (stage == Stage.APPROVE) {
            String county = regions.find(countyCode).map(Region::name).orElse(countyCode);
            return messages.getMessage("progress.holder.leaders", new Object[] {county}, locale);
        }
        if (stage == Stage.FEEDBACK) {
            return messages.getMessage("progress.holder.reporter", null, locale);
        }
        return holder == null ? null : holder.name();
    }

    /** The open stage's own deadline from its task; otherwise the case's deadline for the stage, if it has one. */
    private OffsetDateTime due(Stage stage, CaseRecord c, boolean isCurrent) {
        if (isCurrent) {
            Date due = tasks.createTaskQuery().processInstanceBusinessKey(c.number()).taskDefinitionKey(stage.code())
                    .list().stream().map(t -> t.getDueDate()).filter(d -> d != null).findFirst().orElse(null);
            if (due != null) {
                return due.toInstant().atZone(zone).toOffsetDateTime();
            }
        }
        return switch (stage) {
            case ACCEPT -> c.createdAt().plusHours(acceptHours);
            case SIGN -> c.handling().signDue();
            case INVESTIGATE, DESIGN, IMPLEMENT -> c.handling().resolveDue();
            default -> null;
        };
    }
}
