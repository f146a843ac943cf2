package cn.minqing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minqing.support.ApiTest;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.HistoryLevelSetupCommand;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine keeps the {@code trail} history (issue 16): what the diagram and time per stage read, not every variable
 * value and decision. A database made under {@code full} is taken over at start, and a case that began under
 * {@code full} finishes under {@code trail} with its diagram trail whole.
 */
class HistoryLevelTest extends ApiTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theEngineRunsOnTheTrailLevelAndTakesOverADatabaseMadeUnderFull() {
        ProcessEngineConfigurationImpl config = config();
        assertThat(config.getHistoryLevel().getName()).isEqualTo("trail");
        assertThat(storedLevel()).isEqualTo(String.valueOf(TrailHistoryLevel.ID));

        jdbc.sql("update act_ge_property set value_ = '3' where name_ = 'historyLevel'").update(); // as before issue 16
        try {
            assertThatThrownBy(this::engineStartCheck).isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("historyLevel mismatch");
        } finally {
            HistoryLevelPlugin.adopt(dataSource, config.getHistoryLevel());
        }
        assertThat(storedLevel()).isEqualTo(String.valueOf(TrailHistoryLevel.ID));
        engineStartCheck(); // what Camunda runs when it starts: no mismatch any more
        HistoryLevelPlugin.adopt(dataSource, config.getHistoryLevel()); // a second start changes nothing
        assertThat(storedLevel()).isEqualTo(String.valueOf(TrailHistoryLevel.ID));
    }

    @Test
    void aCaseStartedUnderFullHistoryFinishesUnderTrailWithItsDiagramTrail() {
        ProcessEngineConfigurationImpl config = config();
        HistoryLevel trail = config.getHistoryLevel();
        String number;
        config.setHistoryLevel(HistoryLevel.HISTORY_LEVEL_FULL); // the engine as it ran before issue 16
        try {
            number = file("villager1", "村口路灯坏了一个月", "村口三盏路灯都不亮，晚上走路看不见", "road");
            completeStage("grid1", number, "accept", Map.of("outcome", "accept"));
        } finally {
            config.setHistoryLevel(trail);
        }
        String instance = jdbc.sql("select process_instance_id from minqing.case_record where number = ?").param(number)
                .query(String.class).single();
        // the routing decision's map was read and dropped in the same command: never stored
        assertThat(jdbc.sql("select name_ from act_ru_variable where proc_inst_id_ = ? and name_ in ('routing', 'deadlineClass')")
                .param(instance).query(String.class).list()).containsExactly("deadlineClass");
        long details = count("act_hi_detail", instance);
        long variables = count("act_hi_varinst", instance);
        assertThat(details).as("variable changes written under full").isPositive();
        assertThat(variables).isPositive();

        for (JsonStage s : new JsonStage[] {
                new JsonStage("township1", "sign", Map.of("outcome", "sign")),
                new JsonStage("township1", "investigate", Map.of("findings", "线路老化")),
                new JsonStage("township1", "design", Map.of("plan", "更换线路和灯头", "cost", 800)),
                new JsonStage("township1", "implement", Map.of("report", "已更换")),
                new JsonStage("grid1", "verify", Map.of("outcome", "solved")),
                new JsonStage("villager1", "feedback", Map.of("rating", "satisfied"))}) {
            completeStage(s.user(), number, s.stage(), s.form());
        }
        assertThat(jdbc.sql("select end_time_ is not null from act_hi_procinst where id_ = ?").param(instance)
                .query(Boolean.class).single()).as("the case's process ended").isTrue();
        assertThat(count("act_hi_detail", instance)).as("no variable changes written under trail").isEqualTo(details);
        assertThat(count("act_hi_varinst", instance)).isGreaterThanOrEqualTo(variables);
        assertThat(jdbc.sql("select text_ from act_hi_varinst where proc_inst_id_ = ? and name_ = 'rating'").param(instance)
                .query(String.class).single()).as("each variable's last value is kept").isEqualTo("satisfied");
        // every stage task is in the task history (time per stage reads it)
        assertThat(jdbc.sql("""
                select count(distinct task_def_key_) from act_hi_taskinst where proc_inst_id_ = ? and end_time_ is not null
                """).param(instance).query(Long.class).single()).isGreaterThanOrEqualTo(7);

        // whoever completed an unclaimed task is named in its history (assigned and completed in one engine command)
        Map<String, String> workers = new java.util.HashMap<>();
        jdbc.sql("select task_def_key_, assignee_ from act_hi_taskinst where proc_inst_id_ = ? and end_time_ is not null")
                .param(instance).query((rs, n) -> workers.put(rs.getString(1), rs.getString(2))).list();
        assertThat(workers).containsEntry("accept", "grid1").containsEntry("investigate", "township1")
                .containsEntry("verify", "grid1");

        ResponseEntity<String> diagram = as("leader1").exchange("/api/cases/" + number + "/diagram", HttpMethod.GET,
                null, String.class);
        assertThat(diagram.getStatusCode().value()).isEqualTo(200);
        assertThat(diagram.getBody()).contains(node("accept"), node("sign"), node("investigate"), node("design"),
                node("implement"), node("verify"), node("feedback"));
    }

    private record JsonStage(String user, String stage, Map<String, Object> form) {
    }

    private void engineStartCheck() {
        config().getCommandExecutorSchemaOperations().execute(new HistoryLevelSetupCommand());
    }

    private ProcessEngineConfigurationImpl config() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private String storedLevel() {
        return jdbc.sql("select value_ from act_ge_property where name_ = 'historyLevel'").query(String.class).single();
    }

    private long count(String table, String instance) {
        return jdbc.sql("select count(*) from " + table + " where proc_inst_id_ = ?").param(instance)
                .query(Long.class).single();
    }

    private static String node(String id) {
        return "data-id=\"" + id + "\" class=\"node passed\"";
    }
}
