package cn.minqing.process;

import cn.minqing.process.ProcessDiagram.Box;
import cn.minqing.process.ProcessDiagram.Flow;
import cn.minqing.process.ProcessDiagram.Node;
import cn.minqing.process.ProcessDiagram.Point;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes a process diagram hard to read, as sentences naming the elements: missing shapes or edges,
 * overlapping shapes (a boundary event belongs on its host's border), flows that are not orthogonal, that run
 * through a shape they do not connect or do not start and end on their shapes' borders, overlapping labels.
 */
final class LayoutCheck {

    private static final double SLACK = 1.0;

    private final ProcessDiagram d;
    private final List<String> problems = new ArrayList<>();

    private LayoutCheck(ProcessDiagram d) {
        this.d = d;
    }

    static List<String> problemsOf(ProcessDiagram d) {
        LayoutCheck check = new LayoutCheck(d);
        check.shapes();
        check.flows();
        check.labels();
        return check.problems;
    }

    private void shapes() {
        List<Node> drawn = new ArrayList<>();
        for (Node n : d.nodes()) {
            if (n.box() == null) {
                problems.add("no shape: " + n.id());
            } else {
                drawn.add(n);
            }
        }
        for (Node n : drawn) {
            if (n.attachedTo() != null) {
                Node host = d.node(n.attachedTo());
                if (host.box() != null && !host.box().hasOnBorder(new Point(n.box().centreX(), n.box().centreY()), SLACK)) {
                    problems.add("boundary event off its host's border: " + n.id() + " on " + host.id());
                }
            }
        }
        for (int i = 0; i < drawn.size(); i++) {
            for (int j = i + 1; j < drawn.size(); j++) {
                Node a = drawn.get(i);
                Node b = drawn.get(j);
                if (a.box().overlaps(b.box()) && !mayOverlap(a, b) && !mayOverlap(b, a)) {
                    problems.add("shapes overlap: " + a.id() + " / " + b.id());
                }
            }
        }
    }

    /** A node inside its sub-process, or a boundary event on its host. */
    private boolean mayOverlap(Node a, Node b) {
        if (b.id().equals(a.attachedTo())) {
            return true;
        }
        return b.isContainer() && d.containersOf(a.parent()).contains(b.id()) && b.box().contains(a.box());
    }

    private void flows() {
        for (Flow f : d.flows()) {
            if (f.points().size() < 2) {
                problems.add("flow without waypoints: " + f.id() + " (" + f.source() + " → " + f.target() + ")");
                continue;
            }
            String name = f.id() + " (" + f.source() + " → " + f.target() + ")";
            Node source = d.node(f.source());
            Node target = d.node(f.target());
            if (source.box() != null && !source.box().hasOnBorder(f.points().get(0), SLACK)) {
                problems.add("flow does not start on its source's border: " + name);
            }
            if (target.box() != null && !target.box().hasOnBorder(f.points().get(f.points().size() - 1), SLACK)) {
                problems.add("flow does not end on its target's border: " + name);
            }
            for (int i = 1; i < f.points().size(); i++) {
                Point a = f.points().get(i - 1);
                Point b = f.points().get(i);
                if (Math.abs(a.x() - b.x()) > SLACK && Math.abs(a.y() - b.y()) > SLACK) {
                    problems.add("flow segment not horizontal or vertical: " + name + " at " + a + " → " + b);
                }
                for (Node n : d.nodes()) {
                    if (n.box() != null && !connects(f, n) && n.box().isCrossedBy(a, b, SLACK)) {
                        problems.add("flow runs through a shape: " + name + " through " + n.id());
                    }
                }
            }
        }
    }

    /** The flow's ends, boundary events on them, and the sub-processes the flow lies in. */
    private boolean connects(Flow f, Node n) {
        return n.id().equals(f.source()) || n.id().equals(f.target())
                || d.containersOf(f.parent()).contains(n.id());
    }

    private void labels() {
        record Labelled(String id, Box box) {
        }
        List<Labelled> labels = new ArrayList<>();
        for (Node n : d.nodes()) {
            boolean external = !n.kind().endsWith("Task") && !n.isContainer();
            if (external && n.name() != null && n.box() != null) {
                if (n.label() == null) {
                    problems.add("no label bounds: " + n.id());
                } else {
                    labels.add(new Labelled(n.id(), n.label()));
                }
            }
        }
        for (Flow f : d.flows()) {
            if (f.name() != null && !f.points().isEmpty()) {
                if (f.label() == null) {
                    problems.add("no label bounds: " + f.id());
                } else {
                    labels.add(new Labelled(f.id(), f.label()));
                }
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (labels.get(i).box().overlaps(labels.get(j).box())) {
                    problems.add("labels overlap: " + labels.get(i).id() + " / " + labels.get(j).id());
                }
            }
            for (Node n : d.nodes()) {
                if (n.box() != null && !n.isContainer() && n.box().overlaps(labels.get(i).box())) {
                    problems.add("label lies on a shape: " + labels.get(i).id() + " on " + n.id());
                }
            }
        }
    }
}
