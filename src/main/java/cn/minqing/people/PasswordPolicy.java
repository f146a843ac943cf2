package cn.minqing.people;

import cn.minqing.platform.web.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: at least 8 characters, at most 72 bytes (bcrypt reads no further), not the user
 * name, and not one of the passwords everybody tries first.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = Set.of(
            "12345678", "123456789", "1234567890", "87654321", "11111111", "00000000", "88888888", "66666666",
            "12341234", "11223344", "123123123", "147258369", "password", "password1", "passw0rd", "qwertyui",
            "qwerty123", "asdfghjk", "zxcvbnm1", "1qaz2wsx", "qazwsxedc", "abc12345", "abcd1234", "a1234567",
            "aa123456", "admin123", "iloveyou", "woaini1314", "woaini520", "5201314520", "minqing", "minqing1",
            "minqing123", "mima1234", "mima123456");

    private PasswordPolicy() {
    }

    /** The problem with this password for this user, as a field problem, or empty if it will do. */
    static Optional<FieldProblem> problem(String field, String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(new FieldProblem(field, "password.short", MIN_LENGTH));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(new FieldProblem(field, "password.long", MAX_BYTES));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.equals(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new FieldProblem(field, "password.isUsername"));
        }
        if (COMMON.contains(lower)) {
            return Optional.of(new FieldProblem(field, "password.common"));
        }
        return Optional.empty();
    }
}
