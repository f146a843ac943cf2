package cn.minqing.search;

import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin operations on the search index (admin role, see SecurityConfig). */
@RestController
class SearchAdminController {

    private final IndexRebuild rebuild;

    SearchAdminController(IndexRebuild rebuild) {
        this.rebuild = rebuild;
    }

    /** Rebuilds the index from PostgreSQL into a new versioned index and swaps the alias. */
    @PostMapping("/api/admin/search/rebuild")
    IndexRebuild.Result rebuild() throws IOException {
        return rebuild.rebuild();
    }
}
