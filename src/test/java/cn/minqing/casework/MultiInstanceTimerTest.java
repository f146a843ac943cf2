package cn.minqing.casework;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scale-out: two more app instances, each its own JVM with its job executor on, share the test
 * run's PostgreSQL and Elasticsearch, and race for the same overdue timers. Every case must be
 * flagged red exactly once: one supervision counted and one supervision task, never two; each timer
 * runs exactly once and both instances run some. The instances only take the jobs this test marks
 * (a priority range), so the rest of the test data is left as it was, which the test also checks.
 */
class MultiInstanceTimerTest extends ApiTest {

    private static final long PRIORITY = 5000;

    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOverdueTimerFiresOnceWhenTwoInstancesRaceForIt() throws Exception {
        List<String> numbers = new ArrayList<>();
        List<String> processes = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String number = file("villager1", "村口路灯不亮第" + i + "盏", "村口的路灯晚上不亮，走路看不见，请尽快修一修", "road");
            JsonNode task = get("grid1", "/api/tasks?caseNumber=" + number).getBody().get(0);
            assertThat(post("grid1", "/api/tasks/" + task.get("id").asText() + "/complete", Map.of("outcome", "accept"))
                    .getStatusCode().value()).isEqualTo(200);
            String process = jdbc.sql("select process_instance_id from minqing.case_record where number = ?")
                    .param(number).query(String.class).single();
            Job overdue = management.createJobQuery().processInstanceId(process).activityId("deadlinePassed").singleResult();
            assertThat(overdue).as("the overdue timer of " + number).isNotNull();
            numbers.add(number);
            processes.add(process);
            jobs.add(overdue.getId());
        }

        List<Process> instances = new ArrayList<>();
        try {
            List<Instance> started = List.of(start("a"), start("b"));
            started.forEach(i -> instances.add(i.process()));
            for (Instance instance : started) {
                awaitHealthy(instance);
            }
            // both are polling: now every marked timer falls due at once
            for (String job : jobs) {
                management.setJobPriority(job, PRIORITY);
                management.setJobDuedate(job, new Date(System.currentTimeMillis() - 1000));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (management.createJobQuery().jobIds(new java.util.HashSet<>(jobs)).count() > 0) {
                assertThat(System.nanoTime()).as("the timers fire within 90 s").isLessThan(deadline);
                instances.forEach(p -> assertThat(p.isAlive()).as("an instance died; see target/instance-*.log").isTrue());
                sleep(500);
            }
            sleep(1500); // let any second, losing attempt finish before counting
        } finally {
            for (Process p : instances) {
                p.destroy();
            }
            for (Process p : instances) {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }

        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            assertThat(jdbc.sql("select supervisions from minqing.case_record where number = ?").param(number)
                    .query(Integer.class).single()).as(number + " supervisions").isEqualTo(1);
            assertThat(jdbc.sql("select deadline_level from minqing.case_record where number = ?").param(number)
                    .query(String.class).single()).isEqualTo("red");
            assertThat(tasks.createTaskQuery().processInstanceId(processes.get(i)).taskDefinitionKey("supervise").count())
                    .as(number + " supervision tasks").isEqualTo(1);
        }
        assertThat(jdbc.sql("""
                select count(*) from act_hi_job_log
                 where hostname_ like 'instance-%' and job_id_ not in (:jobs)""").param("jobs", jobs).query(Long.class).single())
                .as("the instances took only the marked jobs").isZero();
        // each marked timer ran exactly once (one successful execution in the job log), and both instances took part
        Map<String, String> ranOn = new java.util.HashMap<>();
        jdbc.sql("""
                select job_id_, hostname_ from act_hi_job_log
                 where job_id_ in (:jobs) and job_state_ = 2""").param("jobs", jobs)
                .query((rs, n) -> {
                    String previous = ranOn.put(rs.getString(1), rs.getString(2));
                    assertThat(previous).as("job " + rs.getString(1) + " ran a second time, on " + rs.getString(2)).isNull();
                    return null;
                }).list();
        assertThat(ranOn.keySet()).as("every marked timer ran").containsExactlyInAnyOrderElementsOf(jobs);
        Map<String, Long> perHost = ranOn.values().stream()
                .collect(java.util.stream.Collectors.groupingBy(h -> h, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        System.out.println("Overdue timers executed per instance: " + perHost);
        assertThat(perHost).as("jobs per instance").containsOnlyKeys("instance-a", "instance-b");
    }

    private record Instance(String name, Process process, int port, Path log) {
    }

    /** Another app: same database and index, its own port, its job executor on, only this test's jobs. */
    private static Instance start(String name) throws IOException {
        int port = freePort();
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target/instance-" + name + ".log");
        // the test JVM's class path, without empty entries (they mean the working directory, whose
        // processes/ folder would be deployed a second time beside target/classes/processes/)
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        Process process = new ProcessBuilder(javaCommand, "-Xmx512m", "-cp", classPath,
                "cn.minqing.MinqingApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + System.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + System.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + System.getProperty("spring.datasource.password"),
                "--spring.elasticsearch.uris=" + System.getProperty("spring.elasticsearch.uris"),
                "--minqing.demo.enabled=false",
                "--minqing.data-dir=target/instance-" + name,
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=200",
                // one job at a time and two per acquisition: neither instance can take the whole batch alone
                "--camunda.bpm.job-execution.core-pool-size=1",
                "--camunda.bpm.job-execution.max-pool-size=1",
                "--camunda.bpm.job-execution.queue-capacity=1",
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=2",
                "--camunda.bpm.generic-properties.properties.job-executor-acquire-by-priority=true",
                "--camunda.bpm.generic-properties.properties.job-executor-priority-range-min=" + PRIORITY,
                "--camunda.bpm.generic-properties.properties.hostname=instance-" + name)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Instance(name, process, port, log);
    }

    private static void awaitHealthy(Instance instance) throws IOException, InterruptedException {
        String name = instance.name();
        Process process = instance.process();
        int port = instance.port();
        Path log = instance.log();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("instance " + name + " started; see " + log).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        List<String> lines = Files.readAllLines(log);
        throw new AssertionError("instance " + name + " did not become healthy; the end of " + log + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
