package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.county.Categories;
import cn.minqing.county.Category;
import cn.minqing.county.Region;
import cn.minqing.county.Regions;
import cn.minqing.people.CurrentUser;
import cn.minqing.people.UserAccounts;
import cn.minqing.support.ApiTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 同音纠错 where a typo meets other matches, in an index of its own (so the ranks do not depend on other tests' cases):
 * a misspelt title's reading counts like a title, and a typed general word that the index barely uses is read as the
 * frequent word it sounds like.
 */
class TypoReadingTest extends ApiTest {

    @Autowired
    ElasticsearchClient client;
    @Autowired
    Clock clock;
    @Autowired
    CountyWords countyWords;
    @Autowired
    Synonyms synonyms;
    @Autowired
    PlaceNames placeNames;
    @Autowired
    Thesaurus thesaurus;
    @Autowired
    CategoryIntent categoryIntent;
    @Autowired
    SoundAlikes soundAlikes;
    @Autowired
    WordFrequencies frequencies;
    @Autowired
    CaseDocuments documents;
    @Autowired
    Regions regions;
    @Autowired
    Categories categories;
    @Autowired
    UserAccounts accounts;

    private SearchIndex index;
    private CaseSearch search;
    private CurrentUser leader;

    @BeforeEach
    void ownIndex() throws IOException {
        index = new SearchIndex(client, "typo-reading", clock, countyWords);
        drop();
        index.ensureExists();
        search = new CaseSearch(client, index, synonyms, placeNames, thesaurus, categoryIntent, soundAlikes, "Asia/Shanghai");
        leader = accounts.find("leader1").orElseThrow().user();
    }

    @AfterEach
    void dropIt() throws IOException {
        drop();
    }

    @Test
    void aMisspeltTitleCountsLikeATitle() throws IOException {
        // the same report, once spelt right and once with 静老院 for 敬老院 (jing lao yuan), and reports that only
        // mention 敬老院 in passing
        write(doc("T-RIGHT", "elderly", "敬老院伙食太差", "我爹住在镇上敬老院 一个礼拜吃不到一回肉 被子也薄"),
                doc("T-TYPO", "elderly", "静老院伙食太差", "我爹住在镇上静老院 一个礼拜吃不到一回肉 被子也薄"),
                doc("T-PASS-1", "elderly", "老人一个人在家没人照看", "我娘八十多了 腿脚不便 想问问乡里敬老院怎么申请"),
                doc("T-PASS-2", "elderly", "独居老人冬天取暖难", "屋里冷得很 老人不愿去敬老院 想装个取暖器"),
                doc("T-PASS-3", "elderly", "高龄补贴没发", "九十岁了高龄补贴一直没发 敬老院的人说不归他们管"));
        List<String> found = numbers("敬老院");
        assertThat(found).hasSize(5);
        assertThat(found.subList(0, 2)).as("the misspelt report is read as 敬老院 and ranks as its right twin")
                .containsExactlyInAnyOrder("T-RIGHT", "T-TYPO");
    }

    @Test
    void aGeneralWordTheIndexBarelyUsesIsReadAsTheFrequentWordItSoundsLike() throws IOException {
        // 漏税 (lou shui, tax evasion) is a word, but these cases never use it; 漏水 (lou shui, a leak) they use often
        write(doc("L-1", "water", "门口水管漏水", "我屋门口的水管接头漏水 漏了半个月 水表一直在转"),
                doc("L-2", "water", "水管漏水没人修", "组里的水管漏水好几天了 报了也没人来"),
                doc("L-3", "water", "厨房水管漏水", "厨房里的水管一直漏水 地上全是水"),
                doc("L-4", "water", "街上水管漏水", "街上那根水管漏水 路上都是水"),
                doc("P-1", "water", "换水管每户收三百", "村里说要换水管 每户收三百块钱 不晓得合不合理"),
                doc("P-2", "water", "水管冻爆了", "过年那几天冷 水管冻爆了好几处 一直没人来换"));
        assertThat(soundAlikes.correct("水管漏税", index.alias())).isEqualTo("水管漏水");
        SearchResult result = search.search(new CaseSearch.Criteria("水管漏税", null, null, null, null, 10, 0), leader);
        assertThat(result.relaxed()).as("found at the first step, as if spelt right").isEmpty();
        // (a burst pipe may rank among them: a thesaurus form of 水管漏水)
        assertThat(result.hits().stream().map(SearchResult.Hit::number).limit(5)).contains("L-1", "L-2", "L-3", "L-4");

        // once the county's cases do use the typed word, it is what was meant
        write(doc("S-1", "other", "有人偷税漏税", "街上那家店偷税漏税 没人查"));
        frequencies.forget(index.alias());
        assertThat(soundAlikes.correct("水管漏税", index.alias())).isNull();
    }

    /**
     * The counts that decide a correction are taken within the searcher's scope, as the search filters: a word used
     * only in another township's cases does not correct a township cadre's query (whether it did would tell them one
     * bit about cases they may not see), while the county leader, who sees them, gets the correction.
     */
    @Test
    void theWordCountsThatDecideACorrectionStayWithinTheSearchersScope() throws IOException {
        // 漏水 only in 青溪乡 (QS02001), outside 石门镇 where township1 works; 漏税 nowhere
        write(doc("Q-1", "QS02001", "water", "门口水管漏水", "我屋门口的水管接头漏水 漏了半个月"),
                doc("Q-2", "QS02001", "water", "水管漏水没人修", "组里的水管漏水好几天了 报了也没人来"),
                doc("Q-3", "QS02001", "water", "厨房水管漏水", "厨房里的水管一直漏水 地上全是水"),
                doc("Q-4", "QS02001", "water", "街上水管漏水", "街上那根水管漏水 路上都是水"),
                doc("S-1", "QS01001", "water", "换水管每户收三百", "村里说要换水管 每户收三百块钱"));
        CurrentUser township = accounts.find("township1").orElseThrow().user();
        assertThat(search.corrected("水管漏税", leader)).isEqualTo("水管漏水");
        assertThat(search.corrected("水管漏税", township)).as("漏水 is used only outside the township").isNull();

        // once the township's own cases use 漏水, its cadre's query is corrected too
        write(doc("S-2", "QS01001", "water", "学校水管漏水", "学校旁边的水管漏水"),
                doc("S-3", "QS01001", "water", "祠堂水管漏水", "祠堂后面水管漏水一个月了"),
                doc("S-4", "QS01001", "water", "水管漏水", "路口的水管漏水"));
        frequencies.forget(index.alias());
        assertThat(search.corrected("水管漏税", township)).isEqualTo("水管漏水");
    }

    private List<String> numbers(String q) throws IOException {
        return search.search(new CaseSearch.Criteria(q, null, null, null, null, 10, 0), leader).hits().stream()
                .map(SearchResult.Hit::number).toList();
    }

    private void write(CaseDocument... docs) throws IOException {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (CaseDocument d : docs) {
            bulk.operations(CaseDocuments.write(index.alias(), documents.corrected(d)));
        }
        assertThat(client.bulk(bulk.build()).errors()).isFalse();
        client.indices().refresh(r -> r.index(index.alias()));
        categoryIntent.forget(index.alias());
    }

    private CaseDocument doc(String number, String category, String title, String description) {
        return doc(number, "QS01001", category, title, description);
    }

    private CaseDocument doc(String number, String villageCode, String category, String title, String description) {
        Region village = regions.find(villageCode).orElseThrow();
        Region township = regions.find(village.parentCode()).orElseThrow();
        String categoryName = categories.find(category).map(Category::nameZh).orElseThrow();
        OffsetDateTime at = OffsetDateTime.parse("2026-01-05T09:00:00+08:00");
        return new CaseDocument(number, title, description, category, categoryName, village.code(), village.name(),
                township.code(), township.name(), List.of(township.parentCode(), township.code(), village.code()),
                "received", null, null, "typo-test", false, 0, null, null, at, at, null, null, null, false,
                new CaseDocument.Handling(null, null, false, false, null, 0, 0, 0, null), 1);
    }

    private void drop() throws IOException {
        if (client.indices().existsAlias(a -> a.name(index.alias())).value()) {
            for (String name : index.currentIndices()) {
                client.indices().delete(d -> d.index(name));
            }
        }
        index.forget();
        frequencies.forget(index.alias());
    }
}
