package cn.minqing.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** China's 2026 calendar as shipped: public holidays and the weekend days worked in exchange (调休). */
class WorkCalendarTest {

    private final WorkCalendar calendar = WorkCalendar.of(CalendarFiles.shipped().get(2026));

    @Test
    void theNationalDayWeekIsNotWorkedButTheMakeUpDaysAre() {
        for (int day = 1; day <= 7; day++) {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, day))).as("Oct %d", day).isFalse();
        }
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).as("Sunday 20 Sep, 调休").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday 10 Oct, 调休").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).as("Sunday 11 Oct").isFalse();
    }

    @Test
    void sevenWorkingDaysAcrossTheNationalDayWeek() {
        // Wed 30 Sep: Oct 1-7 off; Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13, Wed 14, Thu 15
        assertThat(calendar.plusWorkingDays(LocalDateTime.of(2026, 9, 30, 10, 0), 7))
                .isEqualTo(LocalDateTime.of(2026, 10, 15, 10, 0));
    }

    @Test
    void aMakeUpSundayCounts() {
        // Fri 18 Sep + 1 working day: Sat 19 is off, Sun 20 is worked
        assertThat(calendar.plusWorkingDays(LocalDateTime.of(2026, 9, 18, 9, 0), 1))
                .isEqualTo(LocalDateTime.of(2026, 9, 20, 9, 0));
    }

    @Test
    void theSpringFestivalAndOrdinaryWeekends() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday 14 Feb, 调休").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).as("an ordinary Saturday").isFalse();
        assertThat(calendar.plusWorkingDays(LocalDateTime.of(2026, 11, 27, 16, 0), 1))
                .isEqualTo(LocalDateTime.of(2026, 11, 30, 16, 0));
    }
}
