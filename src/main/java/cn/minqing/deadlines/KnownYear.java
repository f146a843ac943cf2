package cn.minqing.deadlines;

import java.time.OffsetDateTime;

/** A year whose holidays are entered: where they came from (file or admin), who and when, how many days. */
public record KnownYear(int year, String source, String enteredBy, OffsetDateTime enteredAt, int holidays, int workdays) {

    /** Known by its statutory holidays only, until the State Council's notice is entered. */
    public boolean provisional() {
        return "statutory".equals(source);
    }
}
