package cn.minqing.demo;

import cn.minqing.casework.Casework;
import cn.minqing.casework.CompletionForm;
import cn.minqing.county.Region;
import cn.minqing.intake.CaseFiling;
import cn.minqing.intake.CaseReport;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Files the demo reports as the county's villagers over the past six months and works each one to
 * a chosen stage through the same services the API uses, so every stage and outcome is present.
 */
@Component
class DemoCases {

    /** How far a demo case gets: the number of stages worked, and the outcome where it ends. */
    private record Plan(int steps, String acceptOutcome, String verifyOutcome) {
    }

    private final CaseFiling filing;
    private final Casework casework;
    private final TaskService tasks;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, CurrentUser> users = new HashMap<>();
    private final Random random = new Random(20261128L);

    DemoCases(CaseFiling filing, Casework casework, TaskService tasks, UserAccounts accounts, JdbcClient jdbc, Clock clock) {
        this.filing = filing;
        this.casework = casework;
        this.tasks = tasks;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    int load(List<Region> regions, int count) {
        List<String[]> reports = interleaved(DemoText.rows("reports.tsv", "\t"));
        Map<String, List<String[]>> notes = notesByStage();
        List<Region> villages = regions.stream().filter(r -> r.level().equals("village")).toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < count; i++) {
            String[] report = reports.get(i % reports.size());
            Region village = i % 25 == 0 ? villages.get(0) : i % 25 == 1 ? villages.stream()
                    .filter(v -> v.code().equals(DemoUsers.VILLAGE_2)).findFirst().orElseThrow()
                    : villages.get(random.nextInt(villages.size()));
            String reporter = village.code().equals(DemoUsers.VILLAGE_1) && i % 2 == 0 ? "villager1"
                    : village.code().equals(DemoUsers.VILLAGE_2) && i % 2 == 1 ? "villager2"
                    : DemoUsers.villagerOf(village.code(), 1 + random.nextInt(3));
            OffsetDateTime filed = now.minus(Duration.ofMinutes(30 + random.nextInt(180 * 24 * 60)));
            CaseReport r = new CaseReport(report[1], report[2], report[0], village.code(),
                    jitter(village.lat()), jitter(village.lon()), null, random.nextInt(12) == 0);
            String number = filing.fileAt(r, user(reporter), null, filed).number();
            work(number, village, plan(filed, now), notes);
            backdate(number, filed, now);
        }
        return count;
    }

    private Plan plan(OffsetDateTime filed, OffsetDateTime now) {
        long ageDays = Duration.between(filed, now).toDays();
        int roll = random.nextInt(100);
        if (ageDays < 3 || roll < 8) {
            return new Plan(random.nextInt(2), "accept", null);
        }
        if (roll < 14) {
            return new Plan(1, "reject", null);
        }
        if (roll < 30) {
            return new Plan(2 + random.nextInt(3), "accept", null);
        }
        return new Plan(4, "accept", roll < 40 ? "unsolvable" : "solved");
    }

    private void work(String number, Region village, Plan plan, Map<String, List<String[]>> notes) {
        String grid = DemoUsers.gridOf(village.code());
        String staff = DemoUsers.staffOf(village.parentCode());
        for (int step = 0; step < plan.steps(); step++) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
            if (task == null) {
                return;
            }
            String stage = task.getTaskDefinitionKey();
            CompletionForm form = switch (stage) {
                case "accept" -> plan.acceptOutcome().equals("reject")
                        ? new CompletionForm("reject", null, note(notes, "reject"), null, null, null, null, null)
                        : new CompletionForm("accept", urgency(), note(notes, "accept"), null, null, null, null, null);
                case "investigate" -> new CompletionForm(null, null, null, null, note(notes, "investigate"), null, null, null);
                case "design" -> design(notes);
                case "verify" -> plan.verifyOutcome() == null ? null : plan.verifyOutcome().equals("solved")
                        ? new CompletionForm("solved", null, null, null, null, null, null, note(notes, "verify"))
                        : new CompletionForm("unsolvable", null, null, null, null, null, null, note(notes, "unsolvable"));
                default -> null;
            };
            if (form == null) {
                return;
            }
            String worker = stage.equals("accept") || stage.equals("verify") ? grid : staff;
            casework.complete(task.getId(), user(worker), form);
        }
    }

    private CompletionForm design(Map<String, List<String[]>> notes) {
        String[] row = pick(notes.get("design"));
        BigDecimal cost = row.length > 2 && !row[2].isBlank() ? new BigDecimal(row[2].strip()) : BigDecimal.valueOf(500);
        return new CompletionForm(null, null, null, null, null, row[1], cost, null);
    }

    private String urgency() {
        int r = random.nextInt(10);
        return r == 0 ? "emergency" : r < 3 ? "complex" : "general";
    }

    /** Spreads the case's timeline from its filing date, a few hours to days per step, never in the future. */
    private void backdate(String number, OffsetDateTime filed, OffsetDateTime now) {
        List<Long> events = jdbc.sql("""
                select e.id from minqing.case_event e join minqing.case_record c on c.id = e.case_id
                 where c.number = ? order by e.id""").param(number).query(Long.class).list();
        OffsetDateTime at = filed;
        for (Long id : events) {
            jdbc.sql("update minqing.case_event set at = ? where id = ?").params(at, id).update();
            at = at.plus(Duration.ofMinutes(60 + random.nextInt(72 * 60)));
            if (at.isAfter(now)) {
                at = now.minusMinutes(events.size());
            }
        }
        jdbc.sql("""
                update minqing.case_record c set created_at = ?,
                  updated_at = (select max(at) from minqing.case_event e where e.case_id = c.id),
                  closed_at = case when closed_at is null then null
                                   else (select max(at) from minqing.case_event e where e.case_id = c.id) end
                 where number = ?""").params(filed, number).update();
    }

    /** Round-robin over categories, so that any first N reports cover every category. */
    private static List<String[]> interleaved(List<String[]> reports) {
        Map<String, List<String[]>> byCategory = new java.util.LinkedHashMap<>();
        reports.forEach(r -> byCategory.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r));
        List<String[]> out = new ArrayList<>();
        for (int i = 0; out.size() < reports.size(); i++) {
            for (List<String[]> rows : byCategory.values()) {
                if (i < rows.size()) {
                    out.add(rows.get(i));
                }
            }
        }
        return out;
    }

    private Map<String, List<String[]>> notesByStage() {
        Map<String, List<String[]>> byStage = new HashMap<>();
        for (String[] row : DemoText.rows("notes.tsv", "\t")) {
            byStage.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row);
        }
        return byStage;
    }

    private String note(Map<String, List<String[]>> notes, String stage) {
        return pick(notes.getOrDefault(stage, List.<String[]>of(new String[] {stage, "已处理"})))[1];
    }

    private String[] pick(List<String[]> rows) {
        return rows.get(random.nextInt(rows.size()));
    }

    private Double jitter(Double coordinate) {
        return coordinate == null ? null : coordinate + (random.nextDouble() - 0.5) * 0.01;
    }

    private CurrentUser user(String username) {
        return users.computeIfAbsent(username, u -> accounts.find(u).orElseThrow().user());
    }
}
