package cn.minqing.esplugin;

import org.apache.lucene.analysis.Tokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/**
 * Tokenizer {@code minqing_pinyin}: the text's Chinese characters as tone-less pinyin syllable pairs
 * (自来水 → zi_lai, lai_shui), read by HanLP's word-level pinyin dictionary so polyphones follow the
 * word (银行 → yin hang, 长大 → zhang da). A homophone typed by a phone's pinyin input (自来谁, 低包)
 * gives the same pairs as the right word, so the sub-field built with it finds either from the other.
 */
@NamedComponent("minqing_pinyin")
public class PinyinTokenizerFactory implements TokenizerFactory {

    /** Loads HanLP's dictionary once, when an index first uses the tokenizer: a failure fails that index, not the node. */
    public PinyinTokenizerFactory() {
        try {
            PinyinTokenizer.convert("自来水");
        } catch (Throwable e) {
            throw new IllegalStateException("minqing_pinyin: HanLP's pinyin dictionary could not be loaded: " + e, e);
        }
    }

    @Override
    public Tokenizer create() {
        return new PinyinTokenizer();
    }
}
