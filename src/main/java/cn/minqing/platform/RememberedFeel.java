package cn.minqing.platform;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * FEEL for the DMN tables admins edit (派单 routing, deadlines, 会签), answering the cells whose answer cannot change
 * without asking Camunda's Scala FEEL engine again. That engine (feel-scala 1.19) parses a cell's text and builds its
 * table of built-in functions anew for every cell it evaluates: about forty cells per 受理, 30–40 % of the request's
 * CPU under the load benchmark (issue 16). Every answer here is the Scala engine's own:
 * <ul>
 *   <li>a literal (a string without escapes, a number, {@code true}, {@code false}) is evaluated by it once and its
 *   value kept;</li>
 *   <li>a unary test made only of string literals ({@code "water","irrigation"}) or {@code -} depends on nothing but
 *   the input: its answer is kept per input string (or null);</li>
 *   <li>an expression that is one variable's name, where that variable holds a string, is that string (FEEL maps a
 *   string to itself);</li>
 * </ul>
 * everything else — comparisons, ranges, functions, dates, other types, unknown names — goes to the Scala engine as
 * before. What is kept is bounded; past the bound the Scala engine answers.
 */
final class RememberedFeel implements FeelEngine {

    private static final String STRING = "\"[^\"\\\\]*\"";
    private static final Pattern LITERAL = Pattern.compile("\\s*(" + STRING + "|-?\\d+(\\.\\d+)?|true|false)\\s*");
    private static final Pattern INPUT_ONLY_TESTS = Pattern.compile("\\s*(-|" + STRING + "(\\s*,\\s*" + STRING + ")*)\\s*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("null", "true", "false", "not", "and", "or", "between", "in",
            "instance", "of", "if", "then", "else", "for", "some", "every", "return", "satisfies", "function",
            "external", "list", "context", "range");
    static final int MAX_KEPT = 10_000;

    private final FeelEngine scala;
    private final Map<String, Object> literals = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tests = new ConcurrentHashMap<>();

    RememberedFeel(FeelEngine scala) {
        this.scala = scala;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        Object kept = literals.get(expression);
        if (kept != null) {
            return (T) kept;
        }
        if (NAME.matcher(expression).matches() && !KEYWORDS.contains(expression)
                && variables.containsVariable(expression)) {
            TypedValue value = variables.resolve(expression);
            if (value != null && value.getValue() instanceof String s) {
                return (T) s;
            }
        }
        T answer = scala.evaluateSimpleExpression(expression, variables);
        if (answer != null && literals.size() < MAX_KEPT && LITERAL.matcher(expression).matches()) {
            literals.putIfAbsent(expression, answer);
        }
        return answer;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        TypedValue input = variables.resolve(inputVariable);
        Object value = input == null ? null : input.getValue();
        if (value != null && !(value instanceof String)) {
            return scala.evaluateSimpleUnaryTests(expression, inputVariable, variables);
        }
        String key = expression + (value == null ? "\u0001" : "\u0000" + value);
        Boolean kept = tests.get(key);
        if (kept != null) {
            return kept;
        }
        boolean answer = scala.evaluateSimpleUnaryTests(expression, inputVariable, variables);
        if (tests.size() < MAX_KEPT && INPUT_ONLY_TESTS.matcher(expression).matches()) {
            tests.putIfAbsent(key, answer);
        }
        return answer;
    }

    /** How many answers are kept (literals, tests), for the test that checks they are. */
    int[] kept() {
        return new int[] {literals.size(), tests.size()};
    }
}
