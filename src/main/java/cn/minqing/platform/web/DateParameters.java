package cn.minqing.platform.web;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Dates in request parameters ({@code from}, {@code to}, {@code day} …) are ISO dates of a year PostgreSQL and
 * the calendar can hold: {@code +999999999-12-31} parsed, reached the database and came back a 500. Anything else
 * is refused as an invalid value of that parameter (400 naming it).
 */
@Configuration(proxyBeanMethods = false)
class DateParameters implements WebMvcConfigurer {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) throws ParseException {
                try {
                    LocalDate day = LocalDate.parse(text.strip());
                    if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
                        throw new ParseException(text, 0);
                    }
                    return day;
                } catch (DateTimeParseException e) {
                    throw new ParseException(text, e.getErrorIndex());
                }
            }

            @Override
            public String print(LocalDate day, Locale locale) {
                return day.toString();
            }
        });
    }
}
