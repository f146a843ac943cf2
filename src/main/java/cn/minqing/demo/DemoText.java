package cn.minqing.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/** Reads the demo county's data files (CSV and TSV, header first) from classpath:demo/. */
final class DemoText {

    private DemoText() {
    }

    static List<String[]> rows(String file, String separator) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/" + file).getInputStream(), StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(separator, -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
