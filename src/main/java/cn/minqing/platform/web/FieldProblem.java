package cn.minqing.platform.web;

/** One bad field: its name and a message key (with arguments) from the message bundles. */
public record FieldProblem(String field, String messageKey, Object... args) {
}
