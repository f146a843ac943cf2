package cn.minqing.people;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a first administrator's password must be: at least {@value #MIN_LENGTH} characters, not a
 * well-known password (minqing, admin, password, 123456 …) even with digits or signs around it,
 * and not one character repeated.
 */
final class AdminPasswordRule {

    static final int MIN_LENGTH = 10;
    private static final Set<String> KNOWN = Set.of("minqing", "admin", "administrator", "password", "passw0rd",
            "changeme", "change-me", "letmein", "welcome", "qwerty", "qwertyuiop", "asdfgh", "abc", "abcdef",
            "iloveyou", "root", "test", "secret", "default", "postgres", "elastic", "camunda", "demo", "guest",
            "woaini", "minqingadmin", "adminadmin");

    private AdminPasswordRule() {
    }

    /** Why the password is refused, or empty when it may be used. */
    static Optional<String> weakness(String password) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("it is shorter than " + MIN_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String letters = lower.replaceAll("[^a-z]", "");
        if (KNOWN.contains(lower) || KNOWN.contains(letters) || letters.isEmpty() && isSequence(lower)) {
            return Optional.of("it is a well-known password");
        }
        if (lower.chars().distinct().count() < 4) {
            return Optional.of("it has fewer than 4 different characters");
        }
        return Optional.empty();
    }

    /** 1234567890, 0987654321 and the like: runs of digits counting up or down. */
    private static boolean isSequence(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        return digits.length() >= text.length() - 2
                && ("01234567890123456789".contains(digits) || "98765432109876543210".contains(digits));
    }
}
