package cn.minqing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.junit.jupiter.api.Test;

/**
 * {@link RememberedFeel} answers every cell of the DMN tables in processes/ as Camunda's Scala FEEL engine does, the
 * first time and from what it kept, for every input the tables are asked with and some they are not; what it cannot
 * know goes to the Scala engine.
 */
class RememberedFeelTest {

    private final FeelEngine scala = new ScalaFeelEngineFactory().createInstance();
    private final RememberedFeel remembered = new RememberedFeel(new ScalaFeelEngineFactory().createInstance());

    @Test
    void everyCellOfTheTablesAnswersAsTheScalaEngine() throws IOException {
        Set<String> tests = new LinkedHashSet<>();
        Set<String> expressions = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).toList()) {
                DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
                model.getModelElementsByType(InputEntry.class).forEach(e -> tests.add(e.getTextContent().strip()));
                model.getModelElementsByType(OutputEntry.class).forEach(e -> expressions.add(e.getTextContent().strip()));
                model.getModelElementsByType(InputExpression.class).forEach(e -> expressions.add(e.getText().getTextContent().strip()));
            }
        }
        assertThat(tests).contains("\"water\",\"irrigation\"", "-", "> 0");
        assertThat(expressions).contains("\"QS-POWER\"", "urgency", "24", "true", "cost");
        tests.addAll(List.of("not(\"water\")", "\"a\\\"b\"", "[1..5]", "\"water\", \"road\""));
        expressions.addAll(List.of("urgency + \"!\"", "date(\"2026-12-03\")", "missing", "null", "\"a\\\"b\"", "-7", "2.5"));
        List<Object> inputs = Arrays.asList("water", "irrigation", "road", "power", "complex", "emergency", "general",
                "", null, 0, 3, 600000.0, true);
        int compared = 0;
        for (int round = 0; round < 2; round++) { // the second round is answered from what the first kept
            for (Object input : inputs) {
                VariableMap variables = variables(input);
                for (String test : tests) {
                    assertThat(outcome(() -> remembered.evaluateSimpleUnaryTests(test, "cellInput", variables.asVariableContext())))
                            .as("%s with input %s", test, input)
                            .isEqualTo(outcome(() -> scala.evaluateSimpleUnaryTests(test, "cellInput", variables.asVariableContext())));
                    compared++;
                }
                for (String expression : expressions) {
                    assertThat(outcome(() -> remembered.evaluateSimpleExpression(expression, variables.asVariableContext())))
                            .as("%s with urgency %s", expression, input)
                            .isEqualTo(outcome(() -> scala.evaluateSimpleExpression(expression, variables.asVariableContext())));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
        int[] kept = remembered.kept();
        assertThat(kept[0]).as("literals kept").isGreaterThanOrEqualTo(8);
        assertThat(kept[1]).as("string tests kept per input").isGreaterThanOrEqualTo(40);
    }

    @Test
    void whatDependsOnMoreThanTheInputIsNeverKept() {
        FeelEngine counting = new FeelEngine() {
            @Override
            public <T> T evaluateSimpleExpression(String expression, org.camunda.bpm.engine.variable.context.VariableContext v) {
                calls.add(expression);
                return scala.evaluateSimpleExpression(expression, v);
            }

            @Override
            public boolean evaluateSimpleUnaryTests(String expression, String input, org.camunda.bpm.engine.variable.context.VariableContext v) {
                calls.add(expression);
                return scala.evaluateSimpleUnaryTests(expression, input, v);
            }
        };
        RememberedFeel feel = new RememberedFeel(counting);
        VariableMap low = Variables.createVariables().putValue("cellInput", "general").putValue("limit", "general");
        VariableMap high = Variables.createVariables().putValue("cellInput", "general").putValue("limit", "urgent");
        // a test naming a variable: the answer follows the variable, so it is asked each time
        assertThat(feel.evaluateSimpleUnaryTests("limit", "cellInput", low.asVariableContext())).isTrue();
        assertThat(feel.evaluateSimpleUnaryTests("limit", "cellInput", high.asVariableContext())).isFalse();
        // a literal is asked once, a string test once per input
        for (int i = 0; i < 3; i++) {
            assertThat((Object) feel.evaluateSimpleExpression("\"QS-WATER\"", low.asVariableContext())).isEqualTo("QS-WATER");
            assertThat(feel.evaluateSimpleUnaryTests("\"general\",\"complex\"", "cellInput", low.asVariableContext())).isTrue();
        }
        // an integer variable is not a string: FEEL's number comes back, from the Scala engine
        VariableMap count = Variables.createVariables().putValue("coOrganisationCount", 2);
        assertThat((Object) feel.evaluateSimpleExpression("coOrganisationCount", count.asVariableContext()))
                .isEqualTo(scala.evaluateSimpleExpression("coOrganisationCount", count.asVariableContext()));
        assertThat(calls).containsExactly("limit", "limit", "\"QS-WATER\"", "\"general\",\"complex\"", "coOrganisationCount");
    }

    private final List<String> calls = new ArrayList<>();

    private static VariableMap variables(Object input) {
        VariableMap v = Variables.createVariables();
        v.putValue("cellInput", input);
        v.putValue("urgency", input);
        v.putValue("category", input);
        v.putValue("townshipCode", "QS01");
        v.putValue("deadlineClass", input);
        v.putValue("coOrganisationCount", input instanceof Integer ? input : 0);
        v.putValue("cost", input instanceof Double ? input : 1.0);
        return v;
    }

    /** The answer with its type, or the failure's type. */
    private static String outcome(Supplier<Object> evaluation) {
        try {
            Object answer = evaluation.get();
            return answer == null ? "null" : answer.getClass().getName() + ":" + Objects.toString(answer);
        } catch (RuntimeException e) {
            return "failed:" + e.getClass().getName();
        }
    }
}
