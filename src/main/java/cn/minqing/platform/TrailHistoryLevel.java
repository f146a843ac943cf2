package cn.minqing.platform;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine history Minqing reads, and no more (history level {@code trail}): Camunda's {@code audit} level —
 * process, activity and task instances (the process diagram's trail, time per stage from {@code ACT_HI_TASKINST}) and
 * each variable's last value ({@code ACT_HI_VARINST}: what an ended process held, which process tests read) — plus the
 * job log (each timer's executions, which prove one firing per deadline) and incidents (a failed job's story for
 * Cockpit). Left out, unlike {@code full}: every change of every variable ({@code ACT_HI_DETAIL} and its byte
 * arrays), the decisions' inputs and outputs ({@code ACT_HI_DEC*}), identity links and the user operation log —
 * nothing in the app reads them. The case's own story is the app's timeline and audit log.
 */
final class TrailHistoryLevel extends AbstractHistoryLevel {

    static final String NAME = "trail";
    /** Stored in ACT_GE_PROPERTY.historyLevel; Camunda's own levels are 0–3. */
    static final int ID = 11;
    static final TrailHistoryLevel INSTANCE = new TrailHistoryLevel();

    private static final Set<HistoryEventType> ALSO = Set.of(
            HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_FAIL, HistoryEventTypes.JOB_SUCCESS,
            HistoryEventTypes.JOB_DELETE,
            HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_DELETE, HistoryEventTypes.INCIDENT_RESOLVE,
            HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.INCIDENT_UPDATE);

    private TrailHistoryLevel() {
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return HistoryLevel.HISTORY_LEVEL_AUDIT.isHistoryEventProduced(eventType, entity) || ALSO.contains(eventType);
    }
}
