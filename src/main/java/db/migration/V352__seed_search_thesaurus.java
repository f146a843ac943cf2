package db.migration;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.Set;
import java.util.HashSet;
import java.sql.ResultSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Seeds the domain thesaurus (search_thesaurus) from src/main/resources/search/thesaurus.tsv: term, variants
 * (comma-separated), category code (blank: none), source. A category unknown to this database is left empty.
 */
public class V352__seed_search_thesaurus extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Set<String> categories = new HashSet<>();
        try (var s = context.getConnection().createStatement(); ResultSet rs = s.executeQuery("select code from category")) {
            while (rs.next()) {
                categories.add(rs.getString(1));
            }
        }
        String tsv;
        try (InputStream in = V352__seed_search_thesaurus.class.getResourceAsStream("/search/thesaurus.tsv")) {
            tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "insert into search_thesaurus (term, variants, category, source) values (?, ?, ?, ?)")) {
            for (String line : tsv.lines().skip(1).filter(l -> !l.isBlank()).toList()) {
                String[] f = line.split("\t", -1);
                insert.setString(1, f[0].strip());
                insert.setString(2, f[1].strip());
                insert.setString(3, categories.contains(f[2].strip()) ? f[2].strip() : null);
                insert.setString(4, f.length > 3 ? f[3].strip() : "");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
