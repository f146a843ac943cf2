package cn.minqing.search;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Searches a cadre keeps to run again (a name and the page's query string). */
@Repository
class SavedSearches {

    record Saved(long id, String name, String query) {
    }

    private final JdbcClient jdbc;

    SavedSearches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Saved> of(String username) {
        return jdbc.sql("select id, name, query from minqing.saved_search where username = ? order by id")
                .param(username).query(Saved.class).list();
    }

    void save(String username, String name, String query) {
        jdbc.sql("insert into minqing.saved_search (username, name, query) values (?, ?, ?)")
                .params(username, name.strip(), query).update();
    }

    void delete(String username, long id) {
        jdbc.sql("delete from minqing.saved_search where username = ? and id = ?").params(username, id).update();
    }
}
