package cn.minqing.esplugin;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.IOException;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Emits, for each run of Chinese characters, the pairs of neighbouring syllables (a run of one gives its
 * single syllable). Other characters end a run and give no token: the words and bigram fields index them.
 */
final class PinyinTokenizer extends Tokenizer {

    private static final int MAX_CHARS = 32_768;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final List<String> tokens = new ArrayList<>();
    private final List<int[]> spans = new ArrayList<>();
    private int next;

    @Override
    public void reset() throws IOException {
        super.reset();
        tokens.clear();
        spans.clear();
        next = 0;
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        for (int n; (n = input.read(buffer)) != -1 && text.length() < MAX_CHARS; ) {
            text.append(buffer, 0, n);
        }
        syllablePairs(text.toString());
    }

    private void syllablePairs(String text) {
        List<Pinyin> pinyin = convert(text);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean chinese = i < text.length() && i < pinyin.size() && isChinese(text.charAt(i))
                    && pinyin.get(i) != Pinyin.none5;
            if (chinese && start < 0) {
                start = i;
            } else if (!chinese && start >= 0) {
                run(pinyin, start, i);
                start = -1;
            }
        }
    }

    private void run(List<Pinyin> pinyin, int start, int end) {
        if (end - start == 1) {
            add(syllable(pinyin.get(start)), start, end);
        }
        for (int i = start; i + 1 < end; i++) {
            add(syllable(pinyin.get(i)) + "_" + syllable(pinyin.get(i + 1)), i, i + 2);
        }
    }

    private void add(String token, int from, int to) {
        tokens.add(token);
        spans.add(new int[] {correctOffset(from), correctOffset(to)});
    }

    private static String syllable(Pinyin p) {
        return p.getPinyinWithoutTone().replace('ü', 'v');
    }

    private static boolean isChinese(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** HanLP reads its dictionary from its own jar on first use; that needs no permission beyond the plugin's. */
    @SuppressWarnings("removal")
    static List<Pinyin> convert(String text) {
        return AccessController.doPrivileged((PrivilegedAction<List<Pinyin>>) () -> {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(PinyinTokenizer.class.getClassLoader());
            try {
                return HanLP.convertToPinyinList(text);
            } finally {
                thread.setContextClassLoader(before);
            }
        });
    }

    @Override
    public boolean incrementToken() {
        if (next >= tokens.size()) {
            return false;
        }
        clearAttributes();
        term.setEmpty().append(tokens.get(next));
        int[] span = spans.get(next);
        offset.setOffset(span[0], span[1]);
        next++;
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = spans.isEmpty() ? 0 : spans.get(spans.size() - 1)[1];
        offset.setOffset(last, last);
    }
}
