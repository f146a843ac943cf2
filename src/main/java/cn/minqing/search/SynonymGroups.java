package cn.minqing.search;

import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.ApiException;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's list of synonym groups (search_synonym), one group at a time: add, change, remove. Each change
 * drops the groups {@link Synonyms} has loaded, so the next search uses it; nothing needs reindexing.
 */
@Service
public class SynonymGroups {

    /** One group of words people use for the same need. */
    public record Group(int id, List<String> terms) {
    }

    static final int MAX_TERMS = 20;
    static final int MAX_TERM_LENGTH = 20;

    private final JdbcClient jdbc;
    private final Synonyms synonyms;
    private final AuditLog audit;

    SynonymGroups(JdbcClient jdbc, Synonyms synonyms, AuditLog audit) {
        this.jdbc = jdbc;
        this.synonyms = synonyms;
        this.audit = audit;
    }

    public List<Group> all() {
        record Row(int id, String terms) {
        }
        return jdbc.sql("select id, terms from minqing.search_synonym order by id").query(Row.class).list().stream()
                .map(r -> new Group(r.id(), Synonyms.split(r.terms()))).toList();
    }

    @Transactional
    public Group add(List<String> terms, String admin) {
        List<String> checked = check(terms);
        int id = jdbc.sql("insert into minqing.search_synonym (terms) values (?) returning id")
                .param(String.join(",", checked)).query(Integer.class).single();
        audit.record(admin, "synonym.added", "#" + id, String.join(",", checked));
        synonyms.forget();
        return new Group(id, checked);
    }

    @Transactional
    public Group change(int id, List<String> terms, String admin) {
        List<String> checked = check(terms);
        if (jdbc.sql("update minqing.search_synonym set terms = ? where id = ?").params(String.join(",", checked), id).update() == 0) {
            throw ApiException.notFound("synonym.notFound", id);
        }
        audit.record(admin, "synonym.changed", "#" + id, String.join(",", checked));
        synonyms.forget();
        return new Group(id, checked);
    }

    @Transactional
    public void remove(int id, String admin) {
        if (jdbc.sql("delete from minqing.search_synonym where id = ?").param(id).update() == 0) {
            throw ApiException.notFound("synonym.notFound", id);
        }
        audit.record(admin, "synonym.removed", "#" + id, null);
        synonyms.forget();
    }

    /** Words split at commas (either width), 、 or spaces, duplicates dropped; at least two, each at most 20 characters. */
    static List<String> check(List<String> terms) {
        List<String> words = Synonyms.split(terms == null ? "" : String.join(",", terms.stream().filter(java.util.Objects::nonNull).toList()));
        List<FieldProblem> problems = new ArrayList<>();
        if (words.size() < 2) {
            problems.add(new FieldProblem("terms", "synonym.terms.tooFew"));
        } else if (words.size() > MAX_TERMS) {
            problems.add(new FieldProblem("terms", "synonym.terms.tooMany", MAX_TERMS));
        }
        words.stream().filter(w -> w.length() > MAX_TERM_LENGTH).findFirst()
                .ifPresent(w -> problems.add(new FieldProblem("terms", "synonym.term.tooLong", w, MAX_TERM_LENGTH)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return words;
    }
}
