package cn.minqing.county;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Problem categories, kept as data. */
@Repository
public class Categories {

    private final JdbcClient jdbc;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Category> all() {
        return jdbc.sql("select code, name_zh, name_en, domain, icon, questions from minqing.category order by sort")
                .query(Category.class).list();
    }

    public Optional<Category> find(String code) {
        return jdbc.sql("select code, name_zh, name_en, domain, icon, questions from minqing.category where code = ?")
                .param(code).query(Category.class).optional();
    }
}
