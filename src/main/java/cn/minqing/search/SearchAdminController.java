package cn.minqing.search;

import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin operations on the search index (admin role, see SecurityConfig). */
@RestController
class SearchAdminController {

    private final IndexRebuild rebuild;
    private final Synonyms synonyms;
    private final cn.minqing.platform.audit.AuditLog audit;

    SearchAdminController(IndexRebuild rebuild, Synonyms synonyms, cn.minqing.platform.audit.AuditLog audit) {
        this.rebuild = rebuild;
        this.synonyms = synonyms;
        this.audit = audit;
    }

    /** Synonym groups, e.g. ["自来水,吃水,饮用水", "路灯,照明"]. */
    @org.springframework.web.bind.annotation.GetMapping("/api/admin/synonyms")
    java.util.List<String> synonyms() {
        return synonyms.groups().stream().map(g -> String.join(",", g)).toList();
    }

    /** Replaces all synonym groups; searches use them at once, no rebuild needed. */
    @org.springframework.web.bind.annotation.PutMapping("/api/admin/synonyms")
    java.util.List<String> replaceSynonyms(@org.springframework.security.core.annotation.AuthenticationPrincipal
                                           cn.minqing.people.Principal me,
                                           @org.springframework.web.bind.annotation.RequestBody java.util.List<String> groups) {
        // a group of fewer than two terms was dropped without a word: [1] emptied the whole list
        java.util.List<cn.minqing.platform.web.FieldProblem> problems = new java.util.ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) == null || Synonyms.split(groups.get(i)).size() < 2) {
                problems.add(new cn.minqing.platform.web.FieldProblem("[" + i + "]", "synonym.terms.tooFew"));
            }
        }
        if (!problems.isEmpty()) {
            throw new cn.minqing.platform.web.InvalidInputException(problems);
        }
        synonyms.replace(groups);
        audit.record(me.getUsername(), "synonyms.replaced", null, String.join(" | ", groups));
        return synonyms();
    }

    /** Rebuilds the index from PostgreSQL into a new versioned index and swaps the alias. */
    @PostMapping("/api/admin/search/rebuild")
    IndexRebuild.Result rebuild() throws IOException {
        return rebuild.rebuild();
    }
}
