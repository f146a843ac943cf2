package cn.minqing.esplugin;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Token filter {@code minqing_user_words}: joins adjacent tokens that together spell a word of the
 * county's dictionary, so smartcn's 李/家/村 becomes 李家村 and 高/标准/农田 becomes 高标准农田.
 */
@NamedComponent("minqing_user_words")
public class UserWordsFilterFactory implements TokenFilterFactory {

    private final Set<String> words;
    private final int longest;

    @Inject
    public UserWordsFilterFactory(UserWordsSettings settings) {
        this.words = new HashSet<>(settings.words());
        this.longest = words.stream().mapToInt(String::length).max().orElse(0);
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new UserWordsFilter(input, words, longest);
    }
}
