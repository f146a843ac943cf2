package cn.minqing.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readable, sortable case numbers: QS-20261128-0007 (county, day, sequence of the day).
 * <p>
 * The day's counter row is taken in a short transaction of its own, not in the filing's: held until
 * the filing committed, it made every filing wait for the previous one's commit and fsync (issue 16).
 * That transaction commits without waiting for the disk ({@code synchronous_commit off}), which
 * cannot give a number twice: any case stored under a number commits after the counter did, and
 * PostgreSQL writes its log in order, so a case that survives a crash finds its counter there too.
 * A filing that fails after taking its number leaves a gap in the day's sequence, as a rolled-back
 * retry always could; numbers stay unique and in filing order.
 */
@Component
public class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final String countyCode;

    CaseNumbers(JdbcClient jdbc, PlatformTransactionManager transactions, @Value("${minqing.county-code}") String countyCode) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.countyCode = countyCode;
    }

    /** The next number of {@code day}, committed at once; call it outside the filing's transaction. */
    public String next(LocalDate day) {
        Integer seq = ownTransaction.execute(status -> {
            jdbc.sql("set local synchronous_commit to off").update();
            return jdbc.sql("""
                    insert into minqing.case_number_counter (day, last) values (?, 1)
                    on conflict (day) do update set last = minqing.case_number_counter.last + 1 returning last
                    """).param(day).query(Integer.class).single();
        });
        return "%s-%s-%04d".formatted(countyCode, DAY.format(day), seq);
    }
}
