package cn.minqing.platform;

/**
 * The characters Spring Security's {@code StrictHttpFirewall} allows in header names and values and in parameter
 * names — its own rule, {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} (header values: a tab too) — checked by a loop
 * instead of its regular expression. The firewall checks every header each filter reads, every time it reads it:
 * 6.6 % of the app's CPU while villagers filed reports through the API (issue 16, 16th session's profile), nearly all of
 * it in the expression's character classes. Printable ASCII is decided by one comparison; any other code point is
 * asked what the expression asks ({@link Character#getType}), so the answers are the same for every string
 * ({@code FirewallCharactersTest} compares both over every code point).
 */
final class FirewallCharacters {

    private FirewallCharacters() {
    }

    /** Header and parameter names: assigned and not a control character. */
    static boolean name(String s) {
        return allowed(s, false);
    }

    /** Header values: assigned and not a control character, or a tab. */
    static boolean headerValue(String s) {
        return allowed(s, true);
    }

    private static boolean allowed(String s, boolean tab) {
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && cp == '\t')) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
