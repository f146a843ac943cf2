package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A villager's dialect words read as Mandarin, beside the words typed. */
class DialectWordsTest {

    @Test
    void theLongestDialectWordAtEachPlaceIsReadPlainly() {
        assertThat(DialectWords.read("细伢冇人带")).isEqualTo("孩子没人带");
        // 冇得 is one word (没), not 冇 (没) followed by 得
        assertThat(DialectWords.read("冇得水吃")).isEqualTo("没水吃");
        assertThat(DialectWords.read("屋头莫得水吃")).isEqualTo("家里没水吃");
        // 屋里头 whole, not 屋里 and a 头 left over
        assertThat(DialectWords.read("屋里头漏雨")).isEqualTo("家里漏雨");
        assertThat(DialectWords.read("天干屋里冇水恰")).isEqualTo("天干家里没水吃");
    }

    @Test
    void aTextWithoutDialectWordsHasNoReading() {
        assertThat(DialectWords.read("自来水停了三天")).isNull();
        assertThat(DialectWords.read("")).isNull();
        assertThat(DialectWords.read(null)).isNull();
    }

    @Test
    void everyRowOfTheDataHasAPlainReadingAndNoWordIsListedTwice() throws Exception {
        try (var in = DialectWordsTest.class.getResourceAsStream("/search/dialect.tsv")) {
            var rows = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
            assertThat(rows).isNotEmpty().allSatisfy(r -> {
                assertThat(r).hasSize(3);
                assertThat(r[0]).isNotBlank().isNotEqualTo(r[1]);
                assertThat(r[1]).isNotBlank();
                assertThat(r[2]).isNotBlank();
            });
            assertThat(rows.stream().map(r -> r[0]).distinct().count()).isEqualTo(rows.size());
        }
    }
}
