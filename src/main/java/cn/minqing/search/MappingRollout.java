package cn.minqing.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Rolls out a changed search-mappings/cases.json by itself: on start, if the index behind the alias
 * was built from another mapping, it is rebuilt from PostgreSQL in the background while searches
 * keep using the old one (the mapping is not strict, so indexing goes on meanwhile).
 */
@Component
class MappingRollout {

    private static final Logger log = LoggerFactory.getLogger(MappingRollout.class);
    private final SearchIndex index;
    private final IndexRebuild rebuild;

    MappingRollout(SearchIndex index, IndexRebuild rebuild) {
        this.index = index;
        this.rebuild = rebuild;
    }

    @Async
    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfOutdated() {
        try {
            index.ensureExists();
            if (index.isOutdated()) {
                log.info("search-mappings/cases.json changed: rebuilding the index from PostgreSQL");
                rebuild.rebuild();
            }
        } catch (Exception e) {
            log.warn("Could not check the search mapping now ({}); rebuild with POST /api/admin/search/rebuild", e.getMessage());
        }
    }
}
