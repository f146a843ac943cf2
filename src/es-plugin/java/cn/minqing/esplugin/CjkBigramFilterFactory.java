package cn.minqing.esplugin;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code minqing_cjk_bigram}: overlapping character pairs (李家, 家村) after the standard
 * tokenizer, for the sub-field that catches what word segmentation misses.
 */
@NamedComponent("minqing_cjk_bigram")
public class CjkBigramFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new CJKBigramFilter(input);
    }
}
