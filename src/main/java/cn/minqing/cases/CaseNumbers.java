package cn.minqing.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Readable, sortable case numbers: QS-20261128-0007 (county, day, sequence of the day). */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private final JdbcClient jdbc;
    private final String countyCode;

    CaseNumbers(JdbcClient jdbc, @Value("${minqing.county-code}") String countyCode) {
        this.jdbc = jdbc;
        this.countyCode = countyCode;
    }

    public String next(LocalDate day) {
        int seq = jdbc.sql("""
                insert into minqing.case_number_counter (day, last) values (?, 1)
                on conflict (day) do update set last = minqing.case_number_counter.last + 1 returning last
                """).param(day).query(Integer.class).single();
        return "%s-%s-%04d".formatted(countyCode, DAY.format(day), seq);
    }
}
