package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Which thesaurus rewrites a query gets within the cap of twelve (entries in file order; "most specific mention
 * first" was measured in the 10th and 11th sessions and not kept). Entries as the thesaurus file has them, without
 * the database.
 */
class ThesaurusTest {

    /** An old, long, general entry before a newer, specific one, as in the file. */
    private static final List<Thesaurus.Entry> ENTRIES = List.of(
            entry("自来水", "吃水,饮水,饮用水,水龙头没水,没水吃,停水,断水,来水", "water"),
            entry("网络信号", "信号,网络,没信号,信号差,打不通电话,上不了网,没网,网太慢,没得网,冇网络,莫得网", "telecom"),
            entry("饮水困难", "吃水难,挑水吃,水不够吃,缺水,人畜饮水,用水紧张,到处找水", "water"),
            entry("手机信号", "手机没信号,打电话听不清,信号一格,电话打不出去,接不到电话", "telecom"),
            entry("停水", "没水,断水,水停了,水不来", "water"));

    private static Thesaurus.Entry entry(String term, String variants, String category) {
        return new Thesaurus.Entry(term, Thesaurus.split(variants), category, "test");
    }

    private static Thesaurus thesaurus() {
        return of(ENTRIES);
    }

    /** A thesaurus of these entries, never edited. */
    private static Thesaurus of(List<Thesaurus.Entry> entries) {
        return new Thesaurus(null) {
            @Override
            long stamp() {
                return 0;
            }

            @Override
            List<Entry> read() {
                return entries;
            }
        };
    }

    private static List<String> texts(String query) {
        return thesaurus().expansions(query).stream().map(Thesaurus.Expansion::text).toList();
    }

    @Test
    void theEntriesMentionedTakeTheCapInFileOrderEachMentionedFormInTurn() {
        // the rule kept: 网络信号, first in the file, fills all twelve through 信号 and 没信号; 手机信号 gets none
        List<String> rewrites = texts("手机没信号");
        assertThat(rewrites).hasSize(12).allMatch(t -> t.startsWith("手机没 ") || t.startsWith("手机 "))
                .startsWith("手机没 网络信号", "手机没 网络").contains("手机 网络信号").doesNotContain("手机信号");
        // 来水 lies inside 自来水, its own entry's term: its rewrites (自 吃水 …) come after the term's
        assertThat(texts("自来水")).startsWith("吃水", "饮水", "饮用水", "水龙头没水", "没水吃", "停水", "断水", "自 吃水")
                .hasSize(12);
    }

    @Test
    void aRewriteReachedThroughTwoEntriesCountsOnceAndTheCapHolds() {
        // 水龙头没水 is a form of 自来水, and 没水, 断水 of 停水 as well: each rewrite once, twelve at most
        assertThat(texts("水龙头没水")).doesNotHaveDuplicates().hasSize(12).contains("自来水", "水龙头 水停了");
        assertThat(texts("没有提到的事")).isEmpty();
    }

    @Test
    void theEntriesOpenedInAQueryAreEveryEntryItMentionsWholeOrInPieces() {
        Thesaurus thesaurus = thesaurus();
        for (String query : List.of("手机没信号", "自来水", "水龙头没水", "饮水很困难", "网络的信号", "没有提到的事", "停", "")) {
            List<Thesaurus.Entry> opened = thesaurus.openedIn(query);
            // whole: every entry a form of which the query holds, in file order
            assertThat(opened).containsAll(thesaurus.entries().stream().filter(e -> e.forms().stream()
                    .anyMatch(f -> f.length() >= 2 && query.contains(f))).toList());
            assertThat(thesaurus.mentionedIn(query)).isSubsetOf(opened);
            assertThat(opened).isSortedAccordingTo(java.util.Comparator.comparingInt(ENTRIES::indexOf));
        }
        // 饮水…困难 holds 饮水困难 in two pieces: opened (category intent reads it), not mentioned (no rewrite)
        assertThat(thesaurus.openedIn("饮水很困难")).extracting(Thesaurus.Entry::term).contains("饮水困难", "自来水");
        assertThat(thesaurus.mentionedIn("饮水很困难")).extracting(Thesaurus.Entry::term).containsExactly("自来水");
        assertThat(thesaurus.openedIn("没有提到的事")).isEmpty();
        assertThat(thesaurus.topicOf("没水吃")).isEqualTo("自来水");
        assertThat(thesaurus.topicOf("断水")).isEqualTo("自来水");
        assertThat(thesaurus.topicOf("路灯")).isEqualTo("路灯");
    }

    @Test
    void aBroadNotionBringsTheFormsOfTheConcreteNotionsUnderItButNoneTheQueryHolds() {
        Thesaurus thesaurus = of(List.of(
                new Thesaurus.Entry("一老一小", List.of("老小照看"), "elderly", "test", List.of("留守儿童", "独居老人", "幼儿园")),
                new Thesaurus.Entry("留守儿童", List.of("留守娃", "爹妈在外打工"), "education", "test"),
                new Thesaurus.Entry("独居老人", List.of("一个人住", "孤寡老人"), "elderly", "test")));
        // an item that is an entry's term brings that entry's forms; one that is not (幼儿园) comes as written
        assertThat(thesaurus.narrowerIn("一老一小", 40)).containsExactly("留守儿童", "留守娃", "爹妈在外打工", "独居老人",
                "一个人住", "孤寡老人", "幼儿园");
        // a form the query holds itself is no rewrite; the cap holds; an entry without narrower notions brings none
        assertThat(thesaurus.narrowerIn("一老一小 孤寡老人", 40)).doesNotContain("孤寡老人");
        assertThat(thesaurus.narrowerIn("老小照看", 3)).containsExactly("留守儿童", "留守娃", "爹妈在外打工");
        assertThat(thesaurus.narrowerIn("留守儿童", 40)).isEmpty();
    }

    @Test
    void aBroadNotionAlsoBringsTheEntriesNamedAsKindsOfIt() {
        Thesaurus thesaurus = of(List.of(
                new Thesaurus.Entry("安全生产", List.of("安全隐患"), "security", "test", List.of("施工安全")),
                new Thesaurus.Entry("煤矿安全生产", List.of("煤矿安全"), "security", "test", List.of("小煤窑私挖")),
                new Thesaurus.Entry("消防安全", List.of("消防"), "security", "test"),
                new Thesaurus.Entry("交通安全", List.of("超速"), "road", "test", List.of("超载")),
                new Thesaurus.Entry("食品安全", List.of("过期食品"), "other", "test")));
        // 煤矿安全生产 ends in 安全生产, so it is a kind of it and comes after the notions written under it, with its
        // forms (not its own narrower notions, and none holding the broad term itself)
        assertThat(thesaurus.narrowerIn("安全生产", 40)).containsExactly("施工安全", "煤矿安全");
        // a two-character head (安全) makes nothing a kind of anything; an entry without narrower notions of its own
        // written is no broad one, whatever ends in it
        assertThat(thesaurus.narrowerIn("交通安全", 40)).containsExactly("超载");
        assertThat(thesaurus.narrowerIn("消防安全", 40)).isEmpty();
    }

    @Test
    void aNotionWrittenWithAWordMoreIsNamedWhole() {
        Thesaurus thesaurus = of(List.of(
                new Thesaurus.Entry("特困供养", List.of("特困人员救助供养", "五保户"), "subsidy", "test"),
                new Thesaurus.Entry("巩固脱贫攻坚成果", List.of("巩固拓展脱贫成果"), "subsidy", "test"),
                new Thesaurus.Entry("特困老人供养", List.of("五保钱不够"), "subsidy", "test"),
                new Thesaurus.Entry("村务公开", List.of("村务不公开"), "other", "test")));
        // the form is the query with a run of one or two characters taken out (人员; 攻坚 or 拓展): one form per entry,
        // the shortest
        assertThat(thesaurus.gappedFormsOf("特困人员供养", 2)).containsExactly("特困供养");
        assertThat(thesaurus.gappedFormsOf("巩固拓展脱贫攻坚成果", 2)).containsExactly("巩固拓展脱贫成果");
        // not the other way round (the form a word longer), not at either end, not three characters, not a form the
        // query holds, not a query that is a form itself, not a query in pieces
        assertThat(thesaurus.gappedFormsOf("特困人员救供养", 2)).isEmpty();
        assertThat(thesaurus.gappedFormsOf("特困供养好的", 2)).isEmpty();
        assertThat(thesaurus.gappedFormsOf("特困人员救助供养好", 2)).isEmpty();
        assertThat(thesaurus.gappedFormsOf("村务公开", 2)).isEmpty();
        assertThat(thesaurus.gappedFormsOf("特困供养 五保户", 2)).isEmpty();
        assertThat(Thesaurus.withARunOut("特困老人供养", "特困供养")).isTrue();
        assertThat(Thesaurus.withARunOut("特困供养", "特困老人供养")).isFalse();
        assertThat(Thesaurus.withARunOut("老人特困供养", "特困供养")).isFalse();
        assertThat(Thesaurus.withARunOut("巩固拓展了脱贫攻坚成果", "巩固脱贫攻坚成果")).isFalse();
    }

    @Test
    void aQueryHoldingNoFormButPartOfSeveralNotionsIsCompletedToThem() {
        Thesaurus thesaurus = of(List.of(
                new Thesaurus.Entry("草原生态保护", List.of("草原保护"), "land", "test", List.of("草原沙化")),
                new Thesaurus.Entry("黄河流域生态保护", List.of("黄河生态保护"), "sanitation", "test", List.of("水土流失")),
                new Thesaurus.Entry("基础设施短板", List.of("基础设施差", "基础设施落后"), "road", "test"),
                new Thesaurus.Entry("草原保护修复", List.of(), "land", "test"),
                new Thesaurus.Entry("草原保护员", List.of(), "other", "test"),
                new Thesaurus.Entry("生态补偿", List.of("生态保护补偿"), "subsidy", "test")));
        // two notions end in 生态保护: it names what they share, the shortest forms first; 生态保护补偿 is a payment (a
        // compound's head is its last word), not a kind of 生态保护
        assertThat(thesaurus.completionsOf("生态保护", 4)).containsExactly("草原生态保护", "黄河生态保护", "黄河流域生态保护");
        assertThat(thesaurus.completionsOf("生态保护", 2)).containsExactly("草原生态保护", "黄河生态保护");
        // one notion only: it may be that notion cut short or a narrower one (基础设施短板 is about roads)
        assertThat(thesaurus.completionsOf("基础设施", 4)).isEmpty();
        // a query holding a form is rewritten by it, though longer forms hold it; short queries and several words are
        // not completed
        assertThat(thesaurus.completionsOf("草原保护", 4)).isEmpty();
        assertThat(thesaurus.completionsOf("生态", 4)).isEmpty();
        assertThat(thesaurus.completionsOf("生态 保护", 4)).isEmpty();
        assertThat(thesaurus.categoryOf("黄河生态保护")).isEqualTo("sanitation");
        assertThat(thesaurus.categoryOf("草原沙化")).isNull();
    }

    /**
     * The phrases holding a query are looked up by its pairs of characters, not found by scanning every phrase: over the
     * shipped thesaurus, for pieces of every phrase (its middle, its end, across two words) and for pieces no phrase
     * holds, the look-up finds exactly what a scan finds.
     */
    @Test
    void thePhrasesHoldingAQueryAreFoundByItsPairsAsAScanOfEveryPhraseFindsThem() throws IOException {
        List<Thesaurus.Entry> shipped = shippedEntries();
        Thesaurus thesaurus = of(shipped);
        Set<String> phrases = new TreeSet<>();
        for (Thesaurus.Entry e : shipped) {
            e.forms().stream().filter(f -> f.length() >= Thesaurus.MIN_FORM_LENGTH).forEach(f -> phrases.add(f.toLowerCase(Locale.ROOT)));
            e.narrower().stream().filter(n -> n.length() >= Thesaurus.MIN_FORM_LENGTH).forEach(n -> phrases.add(n.toLowerCase(Locale.ROOT)));
        }
        Set<String> queries = new TreeSet<>(List.of("生态保护", "补贴发放", "zqabc", "水水水水", "没人管管", "防返贫"));
        for (String p : phrases) {
            if (p.length() >= 6) {
                queries.add(p.substring(1, 5));
                queries.add(p.substring(p.length() - 4));
            }
        }
        int held = 0;
        for (String q : queries) {
            List<String> scanned = phrases.stream().filter(f -> f.length() > q.length() && f.contains(q)).sorted().toList();
            assertThat(thesaurus.phrasesHolding(q).stream().sorted().toList()).as(q).isEqualTo(scanned);
            held += scanned.isEmpty() ? 0 : 1;
        }
        assertThat(queries.size()).isGreaterThan(1000);
        assertThat(held).isGreaterThan(500);
        assertThat(thesaurus.completionsOf("生态保护", 4)).isNotEmpty();
    }

    private static List<Thesaurus.Entry> shippedEntries() throws IOException {
        try (InputStream in = ThesaurusTest.class.getResourceAsStream("/search/thesaurus.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split("\t", -1))
                    .map(c -> new Thesaurus.Entry(c[0], Thesaurus.split(c[1]), c[2], c[3],
                            c.length > 4 ? Thesaurus.split(c[4]) : List.of()))
                    .toList();
        }
    }

    @Test
    void aBroadNotionCountsOnlyWhenTheQueryNamesItAndNotAConcreteNotionHoldingItsWord() {
        Thesaurus thesaurus = of(List.of(
                new Thesaurus.Entry("社会救助", List.of("救助", "困难群众"), "subsidy", "test", List.of("最低生活保障", "特困供养")),
                new Thesaurus.Entry("临时救助", List.of("揭不开锅"), "subsidy", "test"),
                new Thesaurus.Entry("最低生活保障", List.of("低保"), "subsidy", "test")));
        assertThat(thesaurus.narrowerIn("社会救助", 40)).containsExactly("最低生活保障", "低保", "特困供养");
        assertThat(thesaurus.narrowerIn("困难群众", 40)).contains("特困供养");
        // a two-character form names the notion only standing alone, and never inside a longer entry's form
        assertThat(thesaurus.narrowerIn("救助", 40)).contains("特困供养");
        assertThat(thesaurus.narrowerIn("临时救助", 40)).isEmpty();
        assertThat(thesaurus.narrowerIn("救助站", 40)).isEmpty();
    }

    @Test
    void aReportIsIndexedWithEveryFormAndNarrowerNotionItHoldsEachOnce() {
        Thesaurus thesaurus = of(List.of(
                new Thesaurus.Entry("一老一小", List.of("老小照看"), "elderly", "test", List.of("留守儿童", "幼儿园")),
                new Thesaurus.Entry("留守儿童", List.of("留守娃", "爹妈在外打工"), "education", "test"),
                new Thesaurus.Entry("WiFi信号", List.of("宽带"), "telecom", "test")));
        // forms within forms count (留守儿童 holds no other here, 留守娃 is apart); a narrower notion that is no entry's
        // form (幼儿园) is held as written; Latin letters whatever their case; a form met twice is listed once
        assertThat(thesaurus.heldIn("留守儿童天天去河边，留守娃没人管，幼儿园也远，wifi信号差，留守儿童"))
                .containsExactly("留守儿童", "留守娃", "幼儿园", "wifi信号");
        assertThat(thesaurus.heldIn("爹妈在外打")).isEmpty();
        assertThat(thesaurus.heldIn("")).isEmpty();
    }
}
