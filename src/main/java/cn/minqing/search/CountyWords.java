package cn.minqing.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The words segmentation must keep whole: every region and organisation name of the element library
 * and the domain lexicon (search-mappings/lexicon.txt). Built into each new index.
 */
@Component
class CountyWords {

    private final JdbcClient jdbc;

    CountyWords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> all() {
        TreeSet<String> words = new TreeSet<>(lexicon());
        words.addAll(jdbc.sql("select name from minqing.region union select name from minqing.organisation")
                .query(String.class).list());
        for (String name : List.copyOf(words)) {
            String shortName = PlaceNames.shortForm(name);
            if (shortName != null) {
                words.add(shortName);
            }
        }
        words.removeIf(w -> w.length() < 2);
        return List.copyOf(words);
    }

    /** The domain lexicon (search-mappings/lexicon.txt). */
    static List<String> lexicon() {
        try (InputStream in = new ClassPathResource("search-mappings/lexicon.txt").getInputStream()) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
