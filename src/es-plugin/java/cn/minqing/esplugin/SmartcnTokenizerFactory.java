package cn.minqing.esplugin;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Tokenizer {@code minqing_smartcn}: Lucene's smartcn word segmentation (HMM, sentence by sentence). */
@NamedComponent("minqing_smartcn")
public class SmartcnTokenizerFactory implements TokenizerFactory {

    @Override
    public Tokenizer create() {
        return new HMMChineseTokenizer();
    }
}
