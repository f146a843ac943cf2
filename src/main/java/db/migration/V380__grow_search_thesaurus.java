package db.migration;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The domain thesaurus grew from about 185 to about 365 entries (src/main/resources/search/thesaurus.tsv). A
 * database seeded by V352 gets the entries whose term it does not hold yet; entries an admin has edited keep
 * the admin's wording (a term an admin deleted comes back once, and can be deleted again).
 */
public class V380__grow_search_thesaurus extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Set<String> categories = column(context, "select code from category");
        Set<String> terms = column(context, "select term from search_thesaurus");
        String tsv;
        try (InputStream in = V380__grow_search_thesaurus.class.getResourceAsStream("/search/thesaurus.tsv")) {
            tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "insert into search_thesaurus (term, variants, category, source) values (?, ?, ?, ?)")) {
            for (String line : tsv.lines().skip(1).filter(l -> !l.isBlank()).toList()) {
                String[] f = line.split("\t", -1);
                if (!terms.add(f[0].strip())) {
                    continue;
                }
                insert.setString(1, f[0].strip());
                insert.setString(2, f[1].strip());
                insert.setString(3, categories.contains(f[2].strip()) ? f[2].strip() : null);
                insert.setString(4, f.length > 3 ? f[3].strip() : "");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Set<String> column(Context context, String sql) throws Exception {
        Set<String> values = new HashSet<>();
        try (var s = context.getConnection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
