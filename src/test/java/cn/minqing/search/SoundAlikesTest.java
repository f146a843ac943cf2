package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** 同音纠错 on a small vocabulary, without the app: what is corrected, and what is left as typed. */
class SoundAlikesTest {

    private final SoundAlikes.Vocabulary known = SoundAlikes.Vocabulary.of(List.of("低保", "拖欠工资", "宽带", "危房",
            "留守儿童", "残疾人补贴", "自来水", "土地证", "井水", "路灯"));

    @Test
    void aWordTypedWithTheWrongCharacterOfTheSameSoundIsReadAsTheKnownWord() {
        assertThat(SoundAlikes.correct("低包", known)).isEqualTo("低保");
        assertThat(SoundAlikes.correct("托欠工资三个月", known)).isEqualTo("拖欠工资三个月");
        assertThat(SoundAlikes.correct("宽代 断了", known)).isEqualTo("宽带 断了");
        assertThat(SoundAlikes.correct("残积人补帖", known)).isEqualTo("残疾人补贴");
        assertThat(SoundAlikes.correct("路等不亮", known)).isEqualTo("路灯不亮");
        // a southern accent's n/l (牛 niu for 留 liu), for three characters or more
        assertThat(SoundAlikes.correct("牛守儿童", known)).isEqualTo("留守儿童");
    }

    @Test
    void knownAndGeneralWordsStayAsTyped() {
        assertThat(SoundAlikes.correct("自来水停了", known)).isNull();
        // 征收 is a general word: 土地征收 is not 土地证收
        assertThat(SoundAlikes.correct("土地征收补偿", known)).isNull();
        // 进水 (jin shui) only sounds like 井水 (jing shui) to a loose ear: two characters need the exact sound
        assertThat(SoundAlikes.correct("田里放不进水", known)).isNull();
        // 兜底 and 保障 are words: the 底保 between them is no 低保
        assertThat(SoundAlikes.correct("兜底保障", known)).isNull();
        assertThat(SoundAlikes.correct("", known)).isNull();
        assertThat(SoundAlikes.correct("wifi", known)).isNull();
    }

    @Test
    void aGeneralWordIsReadAsTheKnownWordItSoundsLikeOnlyWhenTheIndexSaysItIsATypo() {
        SoundAlikes.Vocabulary k = SoundAlikes.Vocabulary.of(List.of("漏水", "宽带", "低保"));
        // 漏税 (lou shui) is a word of the general dictionary: without the index's say it stays as typed
        assertThat(SoundAlikes.correct("水管漏税", k)).isNull();
        assertThat(SoundAlikes.correct("水管漏税", k, false, (typed, word) -> false)).isNull();
        assertThat(SoundAlikes.correct("水管漏税", k, false, (typed, word) -> typed.equals("漏税") && word.equals("漏水")))
                .isEqualTo("水管漏水");
        // never in a report's text (index time: the same report must always be read the same way)
        assertThat(SoundAlikes.correct("水管漏税", k, true, (typed, word) -> true)).isNull();
        // a piece that would cut a general word in two is never asked about (兜底|保障 holds no 低保)
        List<String> asked = new java.util.ArrayList<>();
        SoundAlikes.correct("兜底保障", k, false, (typed, word) -> asked.add(typed));
        assertThat(asked).isEmpty();
        // the index's say: the typed word rare, the known word frequent and ten times more used
        assertThat(SoundAlikes.rareBeside(0L, 3L)).isTrue();
        assertThat(SoundAlikes.rareBeside(1L, 10L)).isTrue();
        assertThat(SoundAlikes.rareBeside(1L, 9L)).isFalse();
        assertThat(SoundAlikes.rareBeside(2L, 12L)).isFalse();
        assertThat(SoundAlikes.rareBeside(0L, 2L)).isFalse();
        assertThat(SoundAlikes.rareBeside(null, 50L)).isFalse();
        assertThat(SoundAlikes.rareBeside(0L, null)).isFalse();
    }

    @Test
    void aReportsWholeTextIsReadStrictlyAtIndexTime() {
        SoundAlikes.Vocabulary more = SoundAlikes.Vocabulary.of(List.of("低保", "自来水", "路灯", "就医", "大风", "乡医院",
                "留守儿童", "土地流转"));
        // a report's typos are read as the known words, wherever they stand in its text
        assertThat(SoundAlikes.correct("三组自来谁停了两天 路等也坏了", more, true)).isEqualTo("三组自来水停了两天 路灯也坏了");
        assertThat(SoundAlikes.correct("土地留转的钱没给", more, true)).isEqualTo("土地流转的钱没给");
        // chance homophones of running text stay as written: 就一 (jiu yi) is no 就医, 大缝 no 大风 …
        assertThat(SoundAlikes.correct("小学就一辆校车", more, true)).isNull();
        assertThat(SoundAlikes.correct("桥面裂了一条大缝", more, true)).isNull();
        SoundAlikes.Vocabulary forms = SoundAlikes.Vocabulary.of(List.of("田干了", "没回复", "偷牛", "自来水"));
        assertThat(SoundAlikes.correct("天干了一个多月", forms, true)).isNull();
        assertThat(SoundAlikes.correct("丢了三头牛", forms, true)).isNull();
        assertThat(SoundAlikes.correct("自来谁停了", forms, true)).isEqualTo("自来水停了");
        // … and the looser southern sounds are for short queries only (县 xian is no 乡 xiang)
        assertThat(SoundAlikes.correct("在县医院住院", more, true)).isNull();
        assertThat(SoundAlikes.correct("牛守儿童", more, true)).isNull();
        // … unless the piece holds no general word at all (农名工: ming for min)
        SoundAlikes.Vocabulary workers = SoundAlikes.Vocabulary.of(List.of("农民工", "乡医院"));
        assertThat(SoundAlikes.correct("几个农名工做了四个月", workers, true)).isEqualTo("几个农民工做了四个月");
        assertThat(SoundAlikes.correct("在县医院住院", workers, true)).isNull();
        assertThat(SoundAlikes.correct("牛守儿童", more)).isEqualTo("留守儿童");
    }

    @Test
    void syllablesFollowTheWordAndLooseSoundsMergeWhatAccentsMerge() {
        assertThat(SoundAlikes.syllables("银行")).containsExactly("yin", "hang");
        assertThat(SoundAlikes.loose(List.of("zhang", "liu", "shi"))).isEqualTo("zan niu si");
    }
}
