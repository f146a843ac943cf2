package cn.minqing.platform.tabular;

import java.util.ArrayList;
import java.util.List;

/** What an import did: how many rows it took, and each rejected row with the reason. */
public record ImportReport(int imported, List<Rejected> rejected) {

    public record Rejected(int line, String key, String reason) {
    }

    /** Collects the outcome row by row. */
    public static final class Builder {
        private int imported;
        private final List<Rejected> rejected = new ArrayList<>();

        public void imported() {
            imported++;
        }

        public void reject(Table.Line line, String key, String reason) {
            rejected.add(new Rejected(line.number(), key, reason));
        }

        public ImportReport build() {
            return new ImportReport(imported, List.copyOf(rejected));
        }
    }
}
