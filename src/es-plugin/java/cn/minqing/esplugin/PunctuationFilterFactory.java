package cn.minqing.esplugin;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Token filter {@code minqing_drop_punctuation}: drops tokens without a letter or digit (，。！ …). */
@NamedComponent("minqing_drop_punctuation")
public class PunctuationFilterFactory implements TokenFilterFactory {

    @Override
    public TokenStream create(TokenStream input) {
        return new FilteringTokenFilter(input) {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

            @Override
            protected boolean accept() {
                for (int i = 0; i < term.length(); i++) {
                    if (Character.isLetterOrDigit(term.charAt(i))) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
