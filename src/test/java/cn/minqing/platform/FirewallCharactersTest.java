package cn.minqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loop answers as Spring Security's expressions do, for every code point alone and in strings. */
class FirewallCharactersTest {

    /** StrictHttpFirewall's expressions (spring-security-web 6.5), copied to compare against. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointAloneIsJudgedAsTheExpressionJudgesIt() {
        List<String> differ = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = new String(Character.toChars(cp));
            if (FirewallCharacters.name(s) != NAME.matcher(s).matches()
                    || FirewallCharacters.headerValue(s) != HEADER_VALUE.matcher(s).matches()) {
                differ.add(Integer.toHexString(cp));
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void stringsAsTheFirewallMeetsThem() {
        List<String> samples = List.of("", "Bearer mq_abc123", "application/json; charset=UTF-8", "a\tb", "\t",
                "名字", "x\u0000y", "x\u007fy", "x\u0085y", "é", "\u00a0", "\ud83d\ude00 ok", "lone \ud800 high",
                "lone \udc00 low", "\u0378", "ok\r\n", "k".repeat(10_000), "末尾\u0001");
        for (String s : samples) {
            assertThat(FirewallCharacters.name(s)).as("name %s", s).isEqualTo(NAME.matcher(s).matches());
            assertThat(FirewallCharacters.headerValue(s)).as("header value %s", s).isEqualTo(HEADER_VALUE.matcher(s).matches());
        }
        assertThat(FirewallCharacters.headerValue("a\tb")).isTrue();
        assertThat(FirewallCharacters.name("a\tb")).isFalse();
        assertThat(FirewallCharacters.headerValue("x\u0085y")).isFalse();
    }
}
