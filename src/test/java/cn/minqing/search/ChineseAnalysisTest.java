package cn.minqing.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.support.ApiTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The project's Elasticsearch plugin is installed and the cases index analyses Chinese with it. */
class ChineseAnalysisTest extends ApiTest {

    @Autowired
    ElasticsearchClient client;
    @Autowired
    SearchIndex index;

    @Test
    void wordsAreSegmentedAndPunctuationDropped() throws Exception {
        assertThat(tokens("zh_words", "村里自来水管道破裂，饮水困难"))
                .contains("村里", "自来水", "管道", "破裂", "饮水", "困难")
                .doesNotContain("，");
    }

    @Test
    void theCountysOwnWordsStayWhole() throws Exception {
        assertThat(tokens("zh_words", "李家村三组的高标准农田水渠堵了")).contains("李家村", "高标准农田", "水渠");
        assertThat(tokens("zh_words", "石门镇低保户留守儿童")).contains("石门镇", "低保", "留守儿童");
    }

    @Test
    void aVillagersComplaintAroundTheNeedStaysOneWord() throws Exception {
        // segmented, 没人管 left 人 and 管 (没 is a stop word): two of 老人没人管's three words, so every report saying
        // 没人管 matched the query as typed, the old people's reports apart (28th session)
        assertThat(tokens("zh_words", "村口大坑反映三次一直没人管")).contains("没人管").doesNotContain("管");
        assertThat(tokens("zh_words", "老人没人管")).containsExactly("老人", "没人管");
    }

    @Test
    void theBigramSubFieldCatchesWhatSegmentationMisses() throws Exception {
        assertThat(tokens("zh_bigrams", "李家村路灯不亮")).contains("李家", "家村", "路灯");
    }

    @Test
    void thePinyinSubFieldGivesAHomophoneTheRightWordsSyllables() throws Exception {
        assertThat(tokens("zh_pinyin", "自来水管道破裂")).startsWith("zi_lai", "lai_shui", "shui_guan");
        assertThat(tokens("zh_pinyin", "自来谁")).containsExactly("zi_lai", "lai_shui");
        assertThat(tokens("zh_pinyin", "低包，户")).containsExactly("di_bao", "hu");
        // polyphones follow the word: 银行 is yin hang, 长大 is zhang da
        assertThat(tokens("zh_pinyin", "银行")).containsExactly("yin_hang");
        assertThat(tokens("zh_pinyin", "孩子长大")).contains("zhang_da");
    }

    @Test
    void thePluginOffersItsAnalyzerByName() throws Exception {
        List<String> tokens = client.indices().analyze(a -> a.analyzer("minqing_chinese").text("自来水管道破裂"))
                .tokens().stream().map(AnalyzeToken::token).toList();
        assertThat(tokens).contains("自来水", "管道");
    }

    private List<String> tokens(String analyzer, String text) throws Exception {
        index.ensureExists();
        return client.indices().analyze(a -> a.index(index.alias()).analyzer(analyzer).text(text))
                .tokens().stream().map(AnalyzeToken::token).toList();
    }
}
