package cn.minqing.deadlines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The yearly files shipped with the app, classpath:calendar/cn-YYYY.csv (date,kind,name; # comments), one
 * per State Council notice. They seed the database; the database is what deadlines read.
 */
final class CalendarFiles {

    private static final Pattern NAME = Pattern.compile("cn-(\\d{4})\\.csv");
    private static final Pattern STATUTORY = Pattern.compile("cn-(\\d{4})-statutory\\.csv");

    private CalendarFiles() {
    }

    /** Every shipped year and its days, by year (the State Council's notices). */
    static Map<Integer, List<CalendarDay>> shipped() {
        return read("classpath*:calendar/cn-*.csv", NAME);
    }

    /**
     * Years shipped with their statutory holidays only (cn-YYYY-statutory.csv): what the law fixes before the
     * year's notice is published. A year with a notice is not among them.
     */
    static Map<Integer, List<CalendarDay>> statutoryOnly() {
        Map<Integer, List<CalendarDay>> years = read("classpath*:calendar/cn-*-statutory.csv", STATUTORY);
        years.keySet().removeAll(shipped().keySet());
        return years;
    }

    static Map<Integer, List<CalendarDay>> read(String pattern, Pattern names) {
        Map<Integer, List<CalendarDay>> years = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                Matcher m = names.matcher(String.valueOf(r.getFilename()));
                if (m.matches()) {
                    years.put(Integer.parseInt(m.group(1)), days(r));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return years;
    }

    private static List<CalendarDay> days(Resource resource) throws IOException {
        List<CalendarDay> days = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("date,")) {
                    continue;
                }
                String[] f = line.split(",", 3);
                days.add(new CalendarDay(LocalDate.parse(f[0].strip()), f[1].strip(), f.length > 2 ? f[2].strip() : ""));
            }
        }
        return days;
    }
}
