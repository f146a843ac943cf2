package cn.minqing.bench;

import cn.minqing.casework.Casework;
import cn.minqing.casework.CompletionForm;
import cn.minqing.casework.TaskFilter;
import cn.minqing.casework.TaskView;
import cn.minqing.intake.CaseFiling;
import cn.minqing.intake.CaseReport;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.BenchmarkApp;
import cn.minqing.support.Latency;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints how fast cases are filed and accepted, and how fast the workbench's task list and stage
 * counts answer, with N open cases on real PostgreSQL and Elasticsearch (started here).
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.minqing.bench.TaskListBenchmark -Dexec.args=5000</pre>
 */
public final class TaskListBenchmark {

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        BenchmarkApp.run(context -> run(context, cases));
    }

    private static void run(ConfigurableApplicationContext context, int count) {
        CaseFiling filing = context.getBean(CaseFiling.class);
        Casework casework = context.getBean(Casework.class);
        UserAccounts accounts = context.getBean(UserAccounts.class);
        CurrentUser villager = accounts.find("villager1").orElseThrow().user();
        CurrentUser grid = accounts.find("grid1").orElseThrow().user();
        CurrentUser township = accounts.find("township1").orElseThrow().user();

        long start = System.nanoTime();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(filing.file(new CaseReport("路灯不亮 " + i, "村口路灯坏了，晚上看不见路 " + i, "road", null,
                    null, null, null, false, null), villager, null).number());
        }
        report("file a case (case row + process + outbox)", count, start);

        start = System.nanoTime();
        int accepted = 0;
        TaskFilter toAccept = new TaskFilter("accept", null, null, null, null, null, null, 500, 0);
        for (List<TaskView> page = casework.tasksFor(grid, toAccept); !page.isEmpty() && accepted < count / 2;
             page = casework.tasksFor(grid, toAccept)) {
            for (TaskView task : page) {
                casework.complete(task.id(), grid, CompletionForm.empty().withOutcome("accept"));
                accepted++;
            }
        }
        report("accept half (complete a task, route, plan deadlines)", accepted, start);

        System.out.printf("open tasks: %d for grid1, %d for township1%n",
                casework.countsFor(grid, TaskFilter.all()).values().stream().mapToLong(Long::longValue).sum(),
                casework.countsFor(township, TaskFilter.all()).values().stream().mapToLong(Long::longValue).sum());
        latency("task list, first 100 by deadline (grid1)", () -> casework.tasksFor(grid, TaskFilter.all()));
        latency("task list, stage=accept, overdue (grid1)", () -> casework.tasksFor(grid,
                new TaskFilter("accept", null, null, null, null, true, null, 100, 0)));
        latency("task list, first 100 by deadline (township1)", () -> casework.tasksFor(township, TaskFilter.all()));
        latency("counts per stage (grid1)", () -> casework.countsFor(grid, TaskFilter.all()));
    }

    private static void report(String what, int n, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-55s %6d in %6.1f s = %7.1f /s%n", what, n, seconds, n / seconds);
    }

    private static void latency(String what, Runnable call) {
        Latency.print(what, 20, 200, i -> call.run());
    }
}
