package cn.minqing.process;

import cn.minqing.casework.CaseProgress;
import cn.minqing.casework.ProcessKeys;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's place in its process: the diagram of the process version it runs on, drawn with the way it went
 * (from the engine's history) for cadres and leaders who may see the case. Villagers follow their own step list
 * instead; the stage list beside the diagram is the same progress data ({@link CaseProgress}).
 */
@Service
public class CaseDiagram {

    /** The drawing and the progress it belongs to. */
    public record Drawing(CaseProgress.Progress progress, String svg) {
    }

    private final CaseProgress progress;
    private final HistoryService history;
    private final RepositoryService repository;
    private final MessageSource messages;
    private final Map<String, ProcessDiagram> diagrams = new ConcurrentHashMap<>(); // per process definition id

    CaseDiagram(CaseProgress progress, HistoryService history, RepositoryService repository, MessageSource messages) {
        this.progress = progress;
        this.history = history;
        this.repository = repository;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public Drawing of(String number, CurrentUser viewer, Locale locale) {
        if (viewer.isVillagerOnly()) {
            throw ApiException.forbidden("diagram.villagers");
        }
        CaseProgress.Progress steps = progress.of(number, viewer); // 404 as for the case itself
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(number).processDefinitionKey(ProcessKeys.PROCESS)
                .orderByProcessInstanceStartTime().asc().list();
        String definition = instances.isEmpty()
                ? repository.createProcessDefinitionQuery().processDefinitionKey(ProcessKeys.PROCESS).latestVersion()
                        .singleResult().getId()
                : instances.get(instances.size() - 1).getProcessDefinitionId();
        ProcessDiagram diagram = diagrams.computeIfAbsent(definition,
                id -> ProcessDiagram.of(repository.getBpmnModelInstance(id)));
        List<Trail.Step> trail = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                    .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()
                    .forEach(a -> trail.add(new Trail.Step(instance.getId(), a.getActivityId(), a.getStartTime(),
                            a.getEndTime())));
        }
        boolean ended = instances.isEmpty() || instances.get(instances.size() - 1).getEndTime() != null;
        String title = messages.getMessage("diagram.title", new Object[] {number}, locale);
        return new Drawing(steps, DiagramSvg.draw(diagram, Trail.of(diagram, trail, ended), locale, title));
    }
}
