package cn.minqing.plans;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** 挂账 dates in the county's time zone: a date means the start of that working day, when the case comes back. */
@Component
class DeferralDates {

    static final LocalTime MORNING = LocalTime.of(8, 0);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final ZoneId zone;

    DeferralDates(@Value("${minqing.time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    /** A date (08:00 that day in the county) or an ISO date-time; null when it is neither. */
    OffsetDateTime parse(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return null;
        }
        String t = text.strip();
        try {
            return t.length() == 10 ? LocalDate.parse(t).atTime(MORNING).atZone(zone).toOffsetDateTime()
                    : OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The end of a day in the county (a plan's target date). */
    OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    String shown(OffsetDateTime at) {
        return at.atZoneSameInstant(zone).format(SHOWN);
    }

    LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(zone).toLocalDate();
    }
}
