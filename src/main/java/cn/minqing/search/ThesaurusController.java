package cn.minqing.search;

import cn.minqing.county.Categories;
import cn.minqing.people.Principal;
import cn.minqing.platform.audit.AuditLog;
import cn.minqing.platform.web.FieldProblem;
import cn.minqing.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins read and replace the domain thesaurus (admin role, see SecurityConfig); searches use it at once. */
@RestController
class ThesaurusController {

    private final Thesaurus thesaurus;
    private final Categories categories;
    private final AuditLog audit;

    ThesaurusController(Thesaurus thesaurus, Categories categories, AuditLog audit) {
        this.thesaurus = thesaurus;
        this.categories = categories;
        this.audit = audit;
    }

    /** Every entry: {term, variants: [...], category, source, narrower: [...]}. */
    @GetMapping("/api/admin/thesaurus")
    List<Thesaurus.Entry> all() {
        return thesaurus.entries();
    }

    /**
     * Replaces every entry after checking them all: each wrong field is named, nothing is stored then. An entry sent
     * without {@code narrower} (a client written before it existed) keeps the narrower notions its term has now.
     */
    @PutMapping("/api/admin/thesaurus")
    List<Thesaurus.Entry> replace(@AuthenticationPrincipal Principal me, @RequestBody List<Thesaurus.Entry> entries) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            check(entries.get(i), "[" + i + "].", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        java.util.Map<String, List<String>> narrowerNow = new java.util.HashMap<>();
        thesaurus.entries().forEach(e -> narrowerNow.putIfAbsent(e.term(), e.narrower()));
        thesaurus.replace(entries.stream().map(e -> new Thesaurus.Entry(e.term().strip(),
                e.variants().stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList(),
                e.category() == null || e.category().isBlank() ? null : e.category(), e.source(),
                e.narrower() == null ? narrowerNow.getOrDefault(e.term().strip(), List.of())
                        : e.narrower().stream().map(String::strip).filter(n -> !n.isEmpty()).distinct().toList())).toList());
        audit.record(me.getUsername(), "thesaurus.replaced", null, entries.size() + " entries");
        return thesaurus.entries();
    }

    private void check(Thesaurus.Entry e, String at, List<FieldProblem> problems) {
        if (e == null || e.term() == null || e.term().isBlank() || e.term().strip().length() > 64) {
            problems.add(new FieldProblem(at + "term", "thesaurus.term.invalid"));
        }
        if (e == null || e.variants() == null || e.variants().stream().noneMatch(v -> v != null && !v.isBlank())
                || e.variants().stream().anyMatch(v -> v == null || v.length() > 64 || v.contains(","))) {
            problems.add(new FieldProblem(at + "variants", "thesaurus.variants.invalid"));
        }
        if (e != null && e.category() != null && !e.category().isBlank() && categories.find(e.category()).isEmpty()) {
            problems.add(new FieldProblem(at + "category", "thesaurus.category.unknown"));
        }
        if (e != null && e.narrower() != null && (e.narrower().size() > Thesaurus.MAX_NARROWER_PER_ENTRY || e.narrower().stream().anyMatch(n -> n == null || n.isBlank()
                || n.strip().length() < 2 || n.length() > 64 || n.contains(",") || e.term() != null && n.strip().equals(e.term().strip())))) {
            problems.add(new FieldProblem(at + "narrower", "thesaurus.narrower.invalid"));
        }
        if (e != null && e.source() != null && e.source().length() > 200) {
            problems.add(new FieldProblem(at + "source", "thesaurus.source.tooLong"));
        }
    }
}
