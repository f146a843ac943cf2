package cn.minqing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV cells hold what villagers wrote: no formulas run in Excel, and a line break stays inside its cell. */
class StatsExportTest {

    @Test
    void villagersWordsStayTextInCsv() {
        byte[] csv = new StatsExport().csv(StatsExport.oldest(List.of(new MonthlyFindings.OldCase("QS-20261101-0001",
                "=HYPERLINK(\"http://x\")\n第二行", "李家村", OffsetDateTime.parse("2026-11-01T09:00:00+08:00"), "signed"))));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\")\n第二行\"");
        assertThat(text.split("\r\n")).hasSize(2);
        assertThat(new String(new StatsExport().csv(List.of(List.of("k", "n", "v"), List.of("a", "b", "-0.25"))),
                StandardCharsets.UTF_8)).as("negative numbers stay numbers").contains("a,b,-0.25");
    }
}
