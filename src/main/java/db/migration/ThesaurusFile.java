package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus as shipped (src/main/resources/search/thesaurus.tsv: term, variants comma-separated, category
 * code or blank, source, narrower notions comma-separated or blank), and the two ways the thesaurus migrations bring a database up to it without undoing what an
 * admin wrote at /api/admin/thesaurus. Not a migration itself (Flyway runs only the V… classes).
 */
final class ThesaurusFile {

    static final String RESOURCE = "/search/thesaurus.tsv";

    /** One line of the file; {@code narrower} (fifth column, since V701): the concrete notions under a broad one. */
    record Row(String term, String variants, String category, String source, String narrower) {

        List<String> variantList() {
            return split(variants);
        }
    }

    private ThesaurusFile() {
    }

    /** The rows of a tab-separated resource after its header line. */
    static List<Row> rows(String resource) {
        String tsv;
        try (InputStream in = ThesaurusFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tsv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split("\t", -1);
            return new Row(f[0].strip(), f.length > 1 ? f[1].strip() : "", f.length > 2 ? f[2].strip() : "",
                    f.length > 3 ? f[3].strip() : "", f.length > 4 ? f[4].strip() : "");
        }).toList();
    }

    /**
     * Inserts the file's entries whose term the database does not hold yet (all of them into an empty table); a
     * category this database does not know is left empty. Entries already there keep their wording.
     */
    static int addMissingTerms(Context context) throws SQLException {
        Set<String> categories = column(context, "select code from category");
        Set<String> terms = column(context, "select term from search_thesaurus");
        int added = 0;
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "insert into search_thesaurus (term, variants, category, source) values (?, ?, ?, ?)")) {
            for (Row row : rows(RESOURCE)) {
                if (!terms.add(row.term())) {
                    continue;
                }
                insert.setString(1, row.term());
                insert.setString(2, row.variants());
                insert.setString(3, categories.contains(row.category()) ? row.category() : null);
                insert.setString(4, row.source());
                insert.addBatch();
                added++;
            }
            insert.executeBatch();
        }
        return added;
    }

    /**
     * Gives the file's variants to the entries that still read exactly as an earlier file wrote them ({@code earlier}:
     * term, variants as shipped before), with the file's category: those no admin has edited. An entry whose
     * variants or category differ from every earlier wording was edited by an admin and stays as it is.
     */
    static int rewordUnedited(Context context, String earlier) throws SQLException {
        Map<String, List<List<String>>> before = new HashMap<>();
        for (Row row : rows(earlier)) {
            before.computeIfAbsent(row.term(), t -> new ArrayList<>()).add(row.variantList());
        }
        Map<String, Row> now = shippedByTerm();
        List<Object[]> updates = new ArrayList<>();
        try (var s = context.getConnection().createStatement();
             ResultSet rs = s.executeQuery("select id, term, variants, category from search_thesaurus")) {
            while (rs.next()) {
                Row shipped = now.get(rs.getString(2));
                List<List<String>> wordings = before.getOrDefault(rs.getString(2), List.of());
                if (shipped != null && wordings.contains(split(rs.getString(3)))
                        && Objects.equals(rs.getString(4), shipped.category().isEmpty() ? null : shipped.category())) {
                    updates.add(new Object[] {shipped.variants(), rs.getInt(1)});
                }
            }
        }
        try (PreparedStatement update = context.getConnection().prepareStatement(
                "update search_thesaurus set variants = ? where id = ?")) {
            for (Object[] u : updates) {
                update.setString(1, (String) u[0]);
                update.setInt(2, (Integer) u[1]);
                update.addBatch();
            }
            update.executeBatch();
        }
        return updates.size();
    }

    /**
     * Gives the file's narrower notions to the entries whose narrower notions still read exactly as an earlier file
     * wrote them ({@code earlier}: term, narrower notions as shipped before): those no admin has edited. An entry an
     * admin gave other notions keeps them.
     */
    static int renarrowUnedited(Context context, String earlier) throws SQLException {
        Map<String, Row> now = shippedByTerm();
        int given = 0;
        try (PreparedStatement update = context.getConnection().prepareStatement(
                "update search_thesaurus set narrower = ? where term = ? and narrower = ?")) {
            // the earlier file's second column holds the narrower notions as shipped before
            for (Row row : rows(earlier)) {
                Row shipped = now.get(row.term());
                if (shipped == null) {
                    continue;
                }
                update.setString(1, String.join(",", split(shipped.narrower())));
                update.setString(2, row.term());
                update.setString(3, String.join(",", split(row.variants())));
                update.addBatch();
                given++;
            }
            update.executeBatch();
        }
        return given;
    }

    /**
     * A thesaurus round since narrower notions exist (V710 on): the entries shipped as in {@code earlier} and not
     * edited get the file's wording, the terms a database lacks are added, and broad entries without narrower notions
     * get the file's. The cases whose title or description holds a phrase the round brought are queued for indexing
     * again, as an admin's edit queues them (cn.minqing.search.Thesaurus#replace), so that the forms they were indexed
     * with learn it without a rebuild.
     */
    static void growRound(Context context, String earlier) throws SQLException {
        growRound(context, earlier, null);
    }

    /**
     * As above, and the entries whose narrower notions the round changed get the file's where they still read as
     * {@code earlierNarrower} lists them ({@link #renarrowUnedited}); null when the round changed none.
     */
    static void growRound(Context context, String earlier, String earlierNarrower) throws SQLException {
        Set<String> before = phrases(context);
        rewordUnedited(context, earlier);
        if (earlierNarrower != null) {
            renarrowUnedited(context, earlierNarrower);
        }
        addMissingTerms(context);
        addNarrower(context);
        Set<String> added = phrases(context);
        added.removeAll(before);
        queueCasesHolding(context, added);
    }

    /** The file's entries by term. */
    private static Map<String, Row> shippedByTerm() {
        Map<String, Row> now = new HashMap<>();
        rows(RESOURCE).forEach(r -> now.put(r.term(), r));
        return now;
    }

    /** Every term, variant and narrower notion of two characters or more, lower-cased, as the search reads them. */
    static Set<String> phrases(Context context) throws SQLException {
        Set<String> phrases = new HashSet<>();
        try (var s = context.getConnection().createStatement();
             ResultSet rs = s.executeQuery("select term, variants, narrower from search_thesaurus")) {
            while (rs.next()) {
                List<String> all = new ArrayList<>(List.of(rs.getString(1).strip()));
                all.addAll(split(Objects.toString(rs.getString(2), "")));
                all.addAll(split(Objects.toString(rs.getString(3), "")));
                all.stream().filter(p -> p.length() >= 2).map(p -> p.toLowerCase(java.util.Locale.ROOT)).forEach(phrases::add);
            }
        }
        return phrases;
    }

    /** Queues, in one pass over the cases, every case whose title or description holds one of the phrases. */
    static int queueCasesHolding(Context context, Set<String> phrases) throws SQLException {
        if (phrases.isEmpty()) {
            return 0;
        }
        try (PreparedStatement queue = context.getConnection().prepareStatement("""
                insert into search_outbox (case_number)
                select c.number from case_record c
                where exists (select 1 from unnest(string_to_array(?, chr(10))) p
                              where strpos(lower(c.title || ' ' || c.description), p) > 0)""")) {
            queue.setString(1, String.join("\n", phrases));
            return queue.executeUpdate();
        }
    }

    /**
     * Gives each entry the file's narrower notions for its term, where it has none yet (an admin cannot have written
     * any before V701, and one written since is kept); returns how many entries got them.
     */
    static int addNarrower(Context context) throws SQLException {
        int given = 0;
        try (PreparedStatement update = context.getConnection().prepareStatement(
                "update search_thesaurus set narrower = ? where term = ? and narrower = ''")) {
            for (Row row : rows(RESOURCE)) {
                if (!row.narrower().isEmpty()) {
                    update.setString(1, String.join(",", split(row.narrower())));
                    update.setString(2, row.term());
                    update.addBatch();
                    given++;
                }
            }
            update.executeBatch();
        }
        return given;
    }

    /** Variants as the thesaurus reads them (cn.minqing.search.Thesaurus#split): trimmed, in order, each once. */
    static List<String> split(String variants) {
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(variants.split("[,，、]+"))
                .map(String::strip).filter(t -> !t.isEmpty()).toList()));
    }

    private static Set<String> column(Context context, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (var s = context.getConnection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
