package cn.minqing.casework;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Completing a task nobody had claimed names its worker first (the task history then says who did it). Both are one
 * engine command: one flush of the engine's changes instead of two (issue 16), with the same checks and listeners as
 * {@code TaskService.setAssignee} followed by {@code TaskService.complete}.
 */
record AssignedCompletion(String taskId, String assignee, Map<String, Object> variables) implements Command<Void> {

    /** Completes the task, assigning it to {@code assignee} first unless that is null. */
    static void run(TaskService tasks, String taskId, String assignee, Map<String, Object> variables) {
        ((ServiceImpl) tasks).getCommandExecutor().execute(new AssignedCompletion(taskId, assignee, variables));
    }

    @Override
    public Void execute(CommandContext context) {
        if (assignee != null) {
            new AssignTaskCmd(taskId, assignee).execute(context);
        }
        new CompleteTaskCmd(taskId, variables).execute(context);
        return null;
    }
}
