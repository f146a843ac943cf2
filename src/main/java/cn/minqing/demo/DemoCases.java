package cn.minqing.demo;

import cn.minqing.cases.CaseClock;
import cn.minqing.casework.Casework;
import cn.minqing.casework.TaskFilter;
import cn.minqing.casework.TaskView;
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
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
    private final UserAccounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, CurrentUser> users = new HashMap<>();
    private final Random random = new Random(20261128L);

    DemoCases(CaseFiling filing, Casework casework, UserAccounts accounts, JdbcClient jdbc, Clock clock) {
        this.filing = filing;
        this.casework = casework;
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
                    jitter(village.lat()), jitter(village.lon()), null, random.nextInt(12) == 0, null);
            try {
                ClockUtil.setCurrentTime(Date.from(filed.toInstant()));
                String number = filing.fileAt(r, user(reporter), null, filed).number();
                work(number, plan(filed, now), notes, now);
            } finally {
                ClockUtil.reset();
            }
        }
        return count;
    }

    private Plan plan(OffsetDateTime filed, OffsetDateTime now) {
        long ageDays = Duration.between(filed, now).toDays();
        int roll = random.nextInt(100);
        if (ageDays < 2 || roll < 6) {
            return new Plan(random.nextInt(2), "accept", null);
        }
        if (roll < 10) {
            return new Plan(1, "reject", null);
        }
        if (roll < 12) {
            return new Plan(2, "answer", null); // 直接答复 at intake, then the villager rates the answer
        }
        if (roll < 32) {
            return new Plan(2 + random.nextInt(6), "accept", null);
        }
        return new Plan(40, "accept", roll < 40 ? "unsolvable" : "solved");
    }

    /** Works the case stage by stage as the demo user of each stage's group, moving the engine clock on. */
    private void work(String number, Plan plan, Map<String, List<String[]>> notes, OffsetDateTime now) {
        OffsetDateTime at = CaseClock.now();
        int reworks = 0;
        for (int step = 0; step < plan.steps(); step++) {
            at = at.plusMinutes(30 + random.nextInt(plan.steps() > 10 ? 40 * 60 : 72 * 60));
            if (at.isAfter(now.minusMinutes(5))) {
                return;
            }
            ClockUtil.setCurrentTime(Date.from(at.toInstant()));
            TaskView task = casework.tasksFor(admin(), TaskFilter.ofCase(number)).stream()
                    .filter(t -> !t.stage().equals("supervise")).findFirst().orElse(null);
            if (task == null) {
                return;
            }
            String worker = task.candidateGroups().isEmpty() ? reporterOf(number)
                    : DemoUsers.workerFor(task.candidateGroups().get(0));
            CompletionForm form = form(task.stage(), plan, notes, reworks);
            if (form.rating() != null && form.rating().equals("dissatisfied")) {
                reworks++;
            }
            casework.complete(task.id(), user(worker), form);
        }
    }

    private CompletionForm form(String stage, Plan plan, Map<String, List<String[]>> notes, int reworks) {
        CompletionForm f = CompletionForm.empty();
        return switch (stage) {
            case "accept" -> plan.acceptOutcome().equals("reject")
                    ? with(f, "reject", "reason", note(notes, "reject"))
                    : plan.acceptOutcome().equals("answer") ? answer()
                    : new CompletionForm("accept", urgency(), note(notes, "accept"), null, null, null, null, null, null, null, null, null, null);
            case "sign" -> random.nextInt(12) == 0 ? with(f, "return", "reason", "不属于本单位职责范围，请重新派单") : f.withOutcome("sign");
            case "dispatch" -> new CompletionForm(null, null, null, null, "township", null, null, null, null, null, "改派所在乡镇办理", null, null);
            case "investigate" -> new CompletionForm(null, null, null, null, null, note(notes, "investigate"), null, null, null, null, null, null, null);
            case "design" -> design(notes);
            case "approve" -> random.nextInt(6) == 0 ? with(f, "reject", "note", "方案费用偏高，请优化后再报") : f.withOutcome("approve");
            case "implement" -> new CompletionForm(null, null, null, null, null, null, null, null, null, "已按方案组织实施，现场整改完成", null, null, null);
            case "verify" -> plan.verifyOutcome() == null || plan.verifyOutcome().equals("solved")
                    ? with(f, "solved", "note", note(notes, "verify"))
                    : with(f, "unsolvable", "note", note(notes, "unsolvable"));
            case "feedback" -> feedback(notes, reworks);
            case "rateAnswer" -> feedback(notes, 0);
            default -> with(f, null, "note", "请加快办理进度");
        };
    }

    private static CompletionForm answer() {
        return new CompletionForm("answer", null, null, null, null, null, null, null, null, null, null, null, null,
                "您反映的是政策咨询，已电话答复：请带户口本和身份证到乡镇便民服务中心办理，村委会可协助准备材料。", null, null);
    }

    private static CompletionForm with(CompletionForm f, String outcome, String field, String text) {
        return new CompletionForm(outcome, null, field.equals("reason") ? text : null, null, null, null, null, null,
                null, null, field.equals("note") ? text : null, null, null);
    }

    private CompletionForm feedback(Map<String, List<String[]>> notes, int reworks) {
        String[] row = pick(notes.get("feedback"));
        String rating = row.length > 3 && !row[3].isBlank() ? row[3].strip() : "satisfied";
        if (reworks > 0 && rating.equals("dissatisfied")) {
            rating = "basically";
        }
        return new CompletionForm(null, null, null, null, null, null, null, null, null, null, null, rating, row[1]);
    }

    private CompletionForm design(Map<String, List<String[]>> notes) {
        String[] row = pick(notes.get("design"));
        BigDecimal cost = row.length > 2 && !row[2].isBlank() ? new BigDecimal(row[2].strip()) : BigDecimal.valueOf(500);
        return new CompletionForm(null, null, null, null, null, null, row[1], cost, null, null, null, null, null);
    }

    private String urgency() {
        int r = random.nextInt(10);
        return r == 0 ? "emergency" : r < 3 ? "complex" : "general";
    }

    private String reporterOf(String number) {
        return jdbc.sql("select reporter from minqing.case_record where number = ?").param(number).query(String.class).single();
    }

    private CurrentUser admin() {
        return user("admin");
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
