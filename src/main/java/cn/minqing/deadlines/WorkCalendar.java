package cn.minqing.deadlines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * China's working days: Monday to Friday, less public holidays, plus the weekend days worked in
 * exchange (调休). Holidays are data, one file a year: classpath:calendar/cn-YYYY.csv.
 */
@Component
public class WorkCalendar {

    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> makeUpWorkdays = new HashSet<>();

    public WorkCalendar() {
        this("classpath*:calendar/cn-*.csv");
    }

    WorkCalendar(String pattern) {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                read(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(Resource resource) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("date,")) {
                    continue;
                }
                String[] f = line.split(",");
                LocalDate day = LocalDate.parse(f[0].strip());
                (f[1].strip().equals("holiday") ? holidays : makeUpWorkdays).add(day);
            }
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /**
     * The same time of day {@code days} working days later: a case received on the Friday before the
     * National Day week is due counting only the working days around it.
     */
    public LocalDateTime plusWorkingDays(LocalDateTime from, int days) {
        LocalDate day = from.toLocalDate();
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day.atTime(from.toLocalTime());
    }
}
