package cn.minqing.replies;

/**
 * One reply template (答复模板): {@code organisation} null for a county-wide default; {@code stage} null when any
 * stage's form may use it; {@code label} is what cadres pick it by; {@code text} has placeholders such as {村名}.
 */
public record ReplyTemplate(String organisation, String code, String label, String stage, String text) {
}
