package cn.minqing.households;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tags a household may carry, as data: admins add tags and change their visit intervals without a release. */
@Repository
public class HouseholdTags {

    private static final String SELECT = "select code, name, visit_interval_days, interval_unit from minqing.household_tag";

    private final JdbcClient jdbc;

    HouseholdTags(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<HouseholdTag> all() {
        return jdbc.sql(SELECT + " order by sort, code").query(HouseholdTag.class).list();
    }

    /** A tag by its code or by its Chinese name, as an import sheet may give either. */
    public Optional<HouseholdTag> find(String codeOrName) {
        // a code first: one tag's name may be another's code, and two rows would be a 500
        return jdbc.sql(SELECT + " where code = ? or name = ? order by (code = ?) desc limit 1")
                .params(codeOrName, codeOrName, codeOrName).query(HouseholdTag.class).optional();
    }

    /** A tag's schedule: every {@code days} calendar or working days. */
    void setSchedule(String code, int days, String unit) {
        jdbc.sql("update minqing.household_tag set visit_interval_days = ?, interval_unit = ? where code = ?")
                .params(days, unit, code).update();
    }
}
