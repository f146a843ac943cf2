package cn.minqing.replies;

import cn.minqing.cases.CaseRecord;
import cn.minqing.county.Categories;
import cn.minqing.county.Organisations;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Reply templates (答复模板) as data: the admins' whole set, those a cadre may use on a stage's form, and a template
 * filled in for a case. Every value filled in — from the case (a villager's title) or from the cadre — is
 * HTML-escaped; a placeholder without a value is refused, never left as {名称}.
 */
@Service
public class ReplyTemplates {

    /** The stages whose forms take a template (the cadres' stages; villagers rate in their own words). */
    static final List<String> STAGES = List.of("accept", "dispatch", "sign", "investigate", "design", "approve",
            "implement", "verify", "supervise", "approve-extension", "approve-suspension");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Organisations organisations;
    private final Regions regions;
    private final Categories categories;
    private final ZoneId zone;

    ReplyTemplates(JdbcClient jdbc, AuditLog audit, Organisations organisations, Regions regions, Categories categories,
                   @Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.organisations = organisations;
        this.regions = regions;
        this.categories = categories;
        this.zone = ZoneId.of(zone);
    }

    @Transactional(readOnly = true)
    public List<ReplyTemplate> all() {
        return jdbc.sql("""
                select organisation_code as organisation, code, label, stage, text from minqing.reply_template
                order by organisation_code nulls first, code""").query(ReplyTemplate.class).list();
    }

    /** What a person may pick on a stage's form: their organisation's own, then the county-wide ones it does not replace. */
    @Transactional(readOnly = true)
    public List<ReplyTemplate> usableBy(CurrentUser user, String stage) {
        Map<String, ReplyTemplate> byCode = new LinkedHashMap<>();
        List<ReplyTemplate> all = all();
        all.stream().filter(t -> t.organisation() != null && t.organisation().equals(user.organisationCode()))
                .filter(t -> t.stage() == null || t.stage().equals(stage)).forEach(t -> byCode.put(t.code(), t));
        all.stream().filter(t -> t.organisation() == null)
                .filter(t -> t.stage() == null || t.stage().equals(stage)).forEach(t -> byCode.putIfAbsent(t.code(), t));
        return List.copyOf(byCode.values());
    }

    /** Replaces the whole set; every wrong field of every template is named at once. */
    @Transactional
    public List<ReplyTemplate> replace(List<ReplyTemplate> given, String admin) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ReplyTemplate> clean = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (given == null) {
            throw new InvalidInputException("templates", "replies.templates.required");
        }
        for (int i = 0; i < given.size(); i++) {
            ReplyTemplate t = given.get(i);
            String at = "templates[" + i + "].";
            if (t == null) {
                problems.add(new FieldProblem("templates[" + i + "]", "replies.templates.required"));
                continue;
            }
            String org = blankToNull(t.organisation());
            String code = t.code() == null ? "" : t.code().strip();
            String label = t.label() == null ? "" : t.label().strip();
            String stage = blankToNull(t.stage());
            String text = t.text() == null ? "" : t.text().strip();
            if (org != null && organisations.find(org).isEmpty()) {
                problems.add(new FieldProblem(at + "organisation", "replies.organisation.unknown", org));
            }
            if (!code.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                problems.add(new FieldProblem(at + "code", "replies.code.invalid"));
            } else if (!seen.add((org == null ? "" : org) + "/" + code)) {
                problems.add(new FieldProblem(at + "code", "replies.code.twice", code));
            }
            if (label.isEmpty() || label.length() > 40) {
                problems.add(new FieldProblem(at + "label", "replies.label.invalid", 40));
            }
            if (stage != null && !STAGES.contains(stage)) {
                problems.add(new FieldProblem(at + "stage", "replies.stage.unknown", stage));
            }
            if (text.isEmpty() || text.length() > 2000) {
                problems.add(new FieldProblem(at + "text", "replies.text.invalid", 2000));
            } else {
                List<String> unknown = Placeholders.in(text).stream().filter(p -> !Placeholders.ALL.contains(p)).toList();
                if (!unknown.isEmpty() || Placeholders.hasStrayBrace(text)) {
                    problems.add(new FieldProblem(at + "text", "replies.text.placeholders",
                            unknown.isEmpty() ? "{ }" : "{" + String.join("}、{", unknown) + "}", known()));
                }
            }
            clean.add(new ReplyTemplate(org, code, label, stage, text));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("delete from minqing.reply_template").update();
        for (ReplyTemplate t : clean) {
            jdbc.sql("insert into minqing.reply_template (organisation_code, code, label, stage, text, updated_by) values (?, ?, ?, ?, ?, ?)")
                    .params(t.organisation(), t.code(), t.label(), t.stage(), t.text(), admin).update();
        }
        audit.record(admin, "reply-templates.replaced", "reply-templates", clean.size() + " 个答复模板: "
                + String.join(", ", clean.stream().map(t -> (t.organisation() == null ? "县级" : t.organisation()) + "/" + t.code()).toList()));
        return all();
    }

    /** The placeholders as admins read them: {村名}、{期限}… */
    public static String known() {
        return "{" + String.join("}、{", Placeholders.ALL) + "}";
    }

    public static List<String> placeholders() {
        return Placeholders.ALL;
    }

    /**
     * The template {@code code} filled in for the case, as {@code field}'s text. {@code values} may give any known
     * placeholder (it wins over the case's own); an unknown name, an unknown template or a placeholder left without a
     * value is refused with the field named.
     */
    @Transactional(readOnly = true)
    public String fill(String code, Map<String, String> values, CaseRecord c, CurrentUser user, String stage) {
        ReplyTemplate t = usableBy(user, stage).stream().filter(x -> x.code().equals(code.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("template", "replies.template.unknown", code));
        Map<String, String> given = values == null ? Map.of() : values;
        List<FieldProblem> problems = new ArrayList<>();
        given.keySet().stream().filter(k -> !Placeholders.ALL.contains(k))
                .forEach(k -> problems.add(new FieldProblem("values." + k, "replies.value.unknown", k, known())));
        Map<String, String> filled = new HashMap<>();
        for (String p : Placeholders.in(t.text())) {
            String v = given.get(p);
            if (v == null || v.isBlank()) {
                v = fromCase(p, c).orElse(null);
            }
            if (v == null || v.isBlank()) {
                problems.add(new FieldProblem("values." + p, "replies.value.required", p));
            } else {
                filled.put(p, HtmlUtils.htmlEscape(v.strip()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return Placeholders.fill(t.text(), filled);
    }

    private Optional<String> fromCase(String placeholder, CaseRecord c) {
        Optional<Region> village = regions.find(c.villageCode());
        return switch (placeholder) {
            case "编号" -> Optional.of(c.number());
            case "标题" -> Optional.ofNullable(c.title());
            case "村名" -> village.map(Region::name);
            case "乡镇" -> village.map(Region::parentCode).flatMap(regions::find).map(Region::name);
            case "类别" -> categories.find(c.categoryCode()).map(k -> k.nameZh());
            case "承办单位" -> Optional.ofNullable(c.handlingOrg()).flatMap(organisations::find).map(o -> o.name());
            case "联系电话" -> Optional.ofNullable(c.handlingOrg()).flatMap(organisations::phoneOf);
            case "期限" -> Optional.ofNullable(c.handling() == null ? null : c.handling().resolveDue())
                    .map(d -> d.atZoneSameInstant(zone).format(DAY));
            case "日期" -> Optional.of(LocalDate.now(zone).format(DAY));
            default -> Optional.empty();
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
