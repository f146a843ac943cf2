package cn.minqing.households;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tags a household may carry, as data: admins add tags and change their visit intervals without a release. */
@Repository
public class HouseholdTags {

    private final JdbcClient jdbc;

    HouseholdTags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<HouseholdTag> all() {
        return jdbc.sql("select code, name, visit_interval_days from minqing.household_tag order by sort, code")
                .query(HouseholdTag.class).list();
    }

    /** A tag by its code or by its Chinese name, as an import sheet may give either. */
    public Optional<HouseholdTag> find(String codeOrName) {
        return jdbc.sql("select code, name, visit_interval_days from minqing.household_tag where code = ? or name = ?")
                .params(codeOrName, codeOrName).query(HouseholdTag.class).optional();
    }
}
