package cn.minqing.esplugin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Reads a field's tokens, then emits them with runs of adjacent tokens joined wherever the run spells
 * a dictionary word (longest first). A field is one report, so buffering it whole is cheap.
 */
final class UserWordsFilter extends TokenFilter {

    private record Token(String term, int start, int end) {
    }

    private final Set<String> words;
    private final int longest;
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posAtt = addAttribute(PositionIncrementAttribute.class);
    private List<Token> output;
    private int next;

    UserWordsFilter(TokenStream input, Set<String> words, int longest) {
        super(input);
        this.words = words;
        this.longest = longest;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (output == null) {
            output = join(readAll());
            next = 0;
        }
        if (next >= output.size()) {
            return false;
        }
        Token t = output.get(next++);
        clearAttributes();
        termAtt.append(t.term());
        offsetAtt.setOffset(t.start(), t.end());
        posAtt.setPositionIncrement(1);
        return true;
    }

    private List<Token> readAll() throws IOException {
        List<Token> tokens = new ArrayList<>();
        while (input.incrementToken()) {
            tokens.add(new Token(termAtt.toString(), offsetAtt.startOffset(), offsetAtt.endOffset()));
        }
        return tokens;
    }

    private List<Token> join(List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int joined = longestWordAt(tokens, i);
            if (joined > 1) {
                StringBuilder term = new StringBuilder();
                for (int k = i; k < i + joined; k++) {
                    term.append(tokens.get(k).term());
                }
                out.add(new Token(term.toString(), tokens.get(i).start(), tokens.get(i + joined - 1).end()));
                i += joined;
            } else {
                out.add(tokens.get(i++));
            }
        }
        return out;
    }

    /** How many tokens from {@code i} spell the longest dictionary word (1 if none). */
    private int longestWordAt(List<Token> tokens, int i) {
        int best = 1;
        StringBuilder run = new StringBuilder(tokens.get(i).term());
        for (int k = i + 1; k < tokens.size() && run.length() < longest; k++) {
            if (tokens.get(k).start() != tokens.get(k - 1).end()) {
                break;
            }
            run.append(tokens.get(k).term());
            if (words.contains(run.toString())) {
                best = k - i + 1;
            }
        }
        return best;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        output = null;
        next = 0;
    }
}
