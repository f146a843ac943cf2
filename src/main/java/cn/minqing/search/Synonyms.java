package cn.minqing.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Colloquial variants of the same need (自来水/吃水/水龙头没水 …), kept as data and applied at search
 * time: a query is also run with each variant, so admins extend them without rebuilding the index.
 */
@Component
class Synonyms {

    private static final int MAX_VARIANTS = 8;
    private final JdbcClient jdbc;
    private volatile List<List<String>> groups;

    Synonyms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The query rewritten with each synonym of each term it contains (not including the query itself). */
    List<String> variants(String query) {
        Set<String> variants = new LinkedHashSet<>();
        for (List<String> group : groups()) {
            for (String term : group) {
                if (query.contains(term)) {
                    group.stream().filter(other -> !other.equals(term) && !query.contains(other))
                            .forEach(other -> variants.add(query.replace(term, other)));
                }
            }
        }
        return variants.stream().limit(MAX_VARIANTS).toList();
    }

    List<List<String>> groups() {
        List<List<String>> loaded = groups;
        if (loaded == null) {
            loaded = jdbc.sql("select terms from minqing.search_synonym order by id").query(String.class).list().stream()
                    .map(Synonyms::split).filter(g -> g.size() > 1).toList();
            groups = loaded;
        }
        return loaded;
    }

    @Transactional
    void replace(List<String> newGroups) {
        jdbc.sql("delete from minqing.search_synonym").update();
        for (String g : newGroups) {
            List<String> terms = split(g);
            if (terms.size() > 1) {
                jdbc.sql("insert into minqing.search_synonym (terms) values (?)").param(String.join(",", terms)).update();
            }
        }
        groups = null;
    }

    /** Drops the loaded groups: the next search reads them again (after an admin's change). */
    void forget() {
        groups = null;
    }

    static List<String> split(String terms) {
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(terms.split("[,，、\\s]+"))
                .map(String::strip).filter(t -> !t.isEmpty()).toList()));
    }
}
