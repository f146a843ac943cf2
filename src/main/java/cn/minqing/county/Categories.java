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

    /** The categories in use, for pickers and filters (deactivated ones are left out). */
    public List<Category> all() {
        return jdbc.sql("select code, name_zh, name_en, domain, icon, questions from minqing.category where active order by sort")
                .query(Category.class).list();
    }

    /** Every category, deactivated ones included: for naming the categories of older cases. */
    public List<Category> everything() {
        return jdbc.sql("select code, name_zh, name_en, domain, icon, questions from minqing.category order by sort")
                .query(Category.class).list();
    }

    /** Whether new reports may be filed under this category. */
    public boolean isActive(String code) {
        return jdbc.sql("select count(*) from minqing.category where code = ? and active").param(code)
                .query(Integer.class).single() > 0;
    }

    public Optional<Category> find(String code) {
        return jdbc.sql("select code, name_zh, name_en, domain, icon, questions from minqing.category where code = ?")
                .param(code).query(Category.class).optional();
    }
}
