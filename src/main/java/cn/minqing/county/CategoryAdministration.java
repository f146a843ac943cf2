package cn.minqing.county;

import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins add and edit problem categories: names, icon, search keywords, order, on or off, and the
 * questions the phone asks (one row each; category.questions keeps their joined text for older readers).
 */
@Service
public class CategoryAdministration {

    static final int MAX_QUESTIONS = 10;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    private static final String SELECT = "select code, name_zh, name_en, domain, icon, keywords, sort, active from minqing.category";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    CategoryAdministration(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private record Row(String code, String nameZh, String nameEn, String domain, String icon, String keywords, int sort,
                       boolean active) {
    }

    public List<CategoryDetails> all() {
        return jdbc.sql(SELECT + " order by sort, code").query(Row.class).list().stream().map(this::details).toList();
    }

    public Optional<CategoryDetails> find(String code) {
        return jdbc.sql(SELECT + " where code = ?").param(code).query(Row.class).optional().map(this::details);
    }

    /** Adds the category or changes it; every wrong field is named at once and nothing is stored. */
    @Transactional
    public CategoryDetails save(String code, CategoryDetails.Edit edit, String admin) {
        Optional<CategoryDetails> old = find(code);
        List<FieldProblem> problems = new ArrayList<>();
        if (old.isEmpty() && (code == null || !CODE.matcher(code).matches())) {
            problems.add(new FieldProblem("code", "category.code.invalid"));
        }
        String nameZh = pick(edit.nameZh(), old.map(CategoryDetails::nameZh).orElse(null));
        if (nameZh == null || nameZh.isBlank()) {
            problems.add(new FieldProblem("nameZh", "category.name.required"));
        } else if (nameZh.length() > 32) {
            problems.add(new FieldProblem("nameZh", "category.name.tooLong", 32));
        }
        String nameEn = pick(edit.nameEn(), old.map(CategoryDetails::nameEn).orElse(code));
        if (nameEn != null && nameEn.length() > 64) {
            problems.add(new FieldProblem("nameEn", "category.nameEn.tooLong", 64));
        }
        String domain = pick(edit.domain(), old.map(CategoryDetails::domain).orElse("minsheng"));
        if (!"sannong".equals(domain) && !"minsheng".equals(domain)) {
            problems.add(new FieldProblem("domain", "category.domain.invalid"));
        }
        String icon = pick(edit.icon(), old.map(CategoryDetails::icon).orElse("📌"));
        if (icon == null || icon.isBlank() || icon.length() > 32) {
            problems.add(new FieldProblem("icon", "category.icon.invalid", 32));
        }
        String keywords = pick(edit.keywords(), old.map(CategoryDetails::keywords).orElse(""));
        if (keywords.length() > 500) {
            problems.add(new FieldProblem("keywords", "category.keywords.tooLong", 500));
        }
        int sort = edit.sort() != null ? edit.sort() : old.map(CategoryDetails::sort).orElseGet(this::nextSort);
        if (sort < 0 || sort > 100_000) {
            problems.add(new FieldProblem("sort", "category.sort.invalid", 100_000));
        }
        List<String> questions = edit.questions() == null ? old.map(CategoryDetails::questions).orElse(List.of())
                : edit.questions().stream().map(q -> q == null ? "" : q.strip()).filter(q -> !q.isEmpty()).toList();
        if (questions.size() > MAX_QUESTIONS) {
            problems.add(new FieldProblem("questions", "category.questions.tooMany", MAX_QUESTIONS));
        }
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).length() > 200) {
                problems.add(new FieldProblem("questions[" + i + "]", "category.question.tooLong", i + 1, 200));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean active = edit.active() != null ? edit.active() : old.map(CategoryDetails::active).orElse(true);
        jdbc.sql("""
                insert into minqing.category (code, name_zh, name_en, domain, sort, icon, keywords, active, questions)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
                  domain = excluded.domain, sort = excluded.sort, icon = excluded.icon, keywords = excluded.keywords,
                  active = excluded.active, questions = excluded.questions
                """).params(code, nameZh.strip(), nameEn == null || nameEn.isBlank() ? code : nameEn.strip(), domain, sort,
                icon.strip(), keywords.strip(), active, String.join("", questions)).update();
        jdbc.sql("delete from minqing.category_question where category_code = ?").param(code).update();
        for (int i = 0; i < questions.size(); i++) {
            jdbc.sql("insert into minqing.category_question (category_code, position, text) values (?, ?, ?)")
                    .params(code, i + 1, questions.get(i)).update();
        }
        audit.record(admin, old.isEmpty() ? "category.added" : "category.changed", code,
                nameZh + (active ? "" : " (停用)") + "，问题 " + questions.size() + " 条");
        return find(code).orElseThrow();
    }

    /** Switches a category on or off; off: no new reports under it, older cases keep it. The caller audits. */
    public void setActive(String code, boolean active) {
        if (jdbc.sql("update minqing.category set active = ? where code = ?").params(active, code).update() == 0) {
            throw ApiException.notFound("category.notFound", code);
        }
    }

    private CategoryDetails details(Row r) {
        List<String> questions = jdbc.sql("select text from minqing.category_question where category_code = ? order by position")
                .param(r.code()).query(String.class).list();
        return new CategoryDetails(r.code(), r.nameZh(), r.nameEn(), r.domain(), r.icon(), r.keywords(), r.sort(), r.active(),
                questions);
    }

    private int nextSort() {
        return jdbc.sql("select coalesce(max(sort), 0) + 10 from minqing.category").query(Integer.class).single();
    }

    private static String pick(String given, String old) {
        return given != null ? given : old;
    }
}
