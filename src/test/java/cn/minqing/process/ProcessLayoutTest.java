package cn.minqing.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minqing.process.ProcessDiagram.Box;
import cn.minqing.process.ProcessDiagram.Flow;
import cn.minqing.process.ProcessDiagram.Node;
import cn.minqing.process.ProcessDiagram.Point;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps every process diagram in processes/ readable in a modeller (no servers: reads the files only). */
class ProcessLayoutTest {

    static Stream<Path> processFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(Path.of("processes"))) {
            files = all.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    private static ProcessDiagram diagram(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ProcessDiagram.read(in);
        }
    }

    @ParameterizedTest
    @MethodSource("processFiles")
    void everyDiagramIsReadable(Path file) throws IOException {
        assertThat(LayoutCheck.problemsOf(diagram(file))).as(file.toString()).isEmpty();
    }

    @Test
    void theMainPathRunsOnOneLine() throws IOException {
        ProcessDiagram d = diagram(Path.of("processes/grassroots-case.bpmn"));
        List<Double> centres = Stream.of("accept", "acceptDecision", "route", "planDeadlines", "sign", "investigate",
                "design", "approve", "implement", "verify", "feedback")
                .map(id -> d.node(id).box().centreY()).distinct().toList();
        assertThat(centres).hasSize(1);
        double line = centres.get(0);
        for (String exception : List.of("recordReturn", "dispatch", "countyCentreTakes", "recordRework",
                "recordNoResponse", "flagYellow", "flagRed", "supervise")) {
            assertThat(d.node(exception).box().centreY()).as(exception).isNotEqualTo(line);
        }
    }

    /** The layout before issue 14, kept as a fixture: the check must find what a modeller showed. */
    @Test
    void theOldLayoutIsReportedWithItsKnownProblems() throws IOException {
        List<String> problems = LayoutCheck.problemsOf(
                diagram(Path.of("src/test/resources/bpmn-fixtures/grassroots-case-before-layout.bpmn")));
        assertThat(problems).contains(
                "shapes overlap: dispatch / design", // the re-dispatch task under the approval gateway's row
                "shapes overlap: flagYellow / flagRed", // the flag tasks on top of each other
                "shapes overlap: handledNoResponse / handledSolved") // two end events
                .anyMatch(p -> p.startsWith("flow segment not horizontal or vertical: sequenceFlow_0c98b200"))
                .anyMatch(p -> p.startsWith("flow segment not horizontal or vertical: sequenceFlow_6d018428"))
                .anyMatch(p -> p.startsWith("flow runs through a shape: "))
                .contains("flow runs through a shape: sequenceFlow_0e9ce274-91b0-4614-b905-c4e018cbbbb8"
                        + " (deadlinePassed → flagRed) through flagYellow") // the red timer's flow over the yellow task
                .anyMatch(p -> p.startsWith("no label bounds: "));
    }

    /** Labels on top of each other and flows that stop short of their shapes are reported too. */
    @Test
    void overlappingLabelsAndLooseFlowEndsAreReported() throws IOException {
        ProcessDiagram d = diagram(Path.of("processes/grassroots-case.bpmn"));
        Box filedLabel = d.node("filed").label();
        List<Node> nodes = d.nodes().stream().map(n -> n.id().equals("rejected")
                ? new Node(n.id(), n.kind(), n.name(), n.box(), filedLabel, n.parent(), n.attachedTo()) : n).toList();
        List<Flow> flows = d.flows().stream().map(f -> f.source().equals("filed")
                ? new Flow(f.id(), f.name(), f.source(), f.target(), f.parent(),
                        List.of(f.points().get(0), new Point(f.points().get(1).x() - 20, f.points().get(1).y())), f.label())
                : f).toList();
        assertThat(LayoutCheck.problemsOf(new ProcessDiagram(nodes, flows)))
                .containsAnyOf("labels overlap: rejected / filed", "labels overlap: filed / rejected")
                .anyMatch(p -> p.startsWith("flow does not end on its target's border: ") && p.contains("(filed → accept)"));
    }
}
