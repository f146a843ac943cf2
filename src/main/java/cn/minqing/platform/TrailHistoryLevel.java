package cn.minqing.platform;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine history Minqing reads, and no more (history level {@code trail}): process, activity and task instances
 * (Camunda's {@code activity} level: the process diagram's trail, time per stage from {@code ACT_HI_TASKINST}), plus
 * the job log (each timer's executions, which prove one firing per deadline) and incidents (a failed job's story for
 * Cockpit). Left out, unlike {@code full}: every variable value and its changes ({@code ACT_HI_VARINST},
 * {@code ACT_HI_DETAIL}, their byte arrays), the decisions' inputs and outputs ({@code ACT_HI_DECINST} …), identity
 * links and the user operation log — nothing in the app reads them, and they were most of the engine's writes per
 * filing and per 受理. The case's own story is the app's timeline and audit log.
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
        return HistoryLevel.HISTORY_LEVEL_ACTIVITY.isHistoryEventProduced(eventType, entity) || ALSO.contains(eventType);
    }
}
