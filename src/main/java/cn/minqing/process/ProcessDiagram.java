package cn.minqing.process;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A process as its BPMN file draws it (the diagram interchange, DI): every flow node with its box, its label box
 * and the sub-process it sits in, every sequence flow with its waypoints. Elements the file gives no shape or edge
 * have a null box or no waypoints, so that checks can name them.
 */
public record ProcessDiagram(List<Node> nodes, List<Flow> flows) {

    public record Point(double x, double y) {
    }

    public record Box(double x, double y, double width, double height) {

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        public double centreX() {
            return x + width / 2;
        }

        public double centreY() {
            return y + height / 2;
        }

        /** Whether the two boxes share some area (touching edges do not count). */
        public boolean overlaps(Box o) {
            return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
        }

        public boolean contains(Box o) {
            return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom();
        }

        /** Whether the point lies on the box's border, within {@code slack}. */
        public boolean hasOnBorder(Point p, double slack) {
            boolean withinX = p.x() >= x - slack && p.x() <= right() + slack;
            boolean withinY = p.y() >= y - slack && p.y() <= bottom() + slack;
            boolean onVertical = Math.abs(p.x() - x) <= slack || Math.abs(p.x() - right()) <= slack;
            boolean onHorizontal = Math.abs(p.y() - y) <= slack || Math.abs(p.y() - bottom()) <= slack;
            return withinX && withinY && (onVertical || onHorizontal);
        }

        /** Whether the segment a–b runs through the inside of the box (shrunk by {@code inset}): a line clip. */
        public boolean isCrossedBy(Point a, Point b, double inset) {
            double[] t = {0, 1};
            double dx = b.x() - a.x();
            double dy = b.y() - a.y();
            return clip(-dx, a.x() - (x + inset), t) && clip(dx, right() - inset - a.x(), t)
                    && clip(-dy, a.y() - (y + inset), t) && clip(dy, bottom() - inset - a.y(), t) && t[0] < t[1];
        }

        private static boolean clip(double p, double q, double[] t) {
            if (p == 0) {
                return q > 0;
            }
            double r = q / p;
            if (p < 0) {
                t[0] = Math.max(t[0], r);
            } else {
                t[1] = Math.min(t[1], r);
            }
            return t[0] < t[1];
        }
    }

    /** A task, event, gateway or sub-process; {@code kind} is the BPMN element name (userTask, endEvent …). */
    public record Node(String id, String kind, String name, Box box, Box label, String parent, String attachedTo) {

        public boolean isContainer() {
            return kind.equals("subProcess");
        }
    }

    public record Flow(String id, String name, String source, String target, String parent, List<Point> points,
                       Box label) {
    }

    public static ProcessDiagram read(InputStream bpmn) {
        return of(Bpmn.readModelFromStream(bpmn));
    }

    public static ProcessDiagram of(BpmnModelInstance model) {
        Map<String, BpmnShape> shapes = new HashMap<>();
        for (BpmnShape s : model.getModelElementsByType(BpmnShape.class)) {
            shapes.put(s.getBpmnElement().getId(), s);
        }
        Map<String, BpmnEdge> edges = new HashMap<>();
        for (BpmnEdge e : model.getModelElementsByType(BpmnEdge.class)) {
            edges.put(((BaseElement) e.getBpmnElement()).getId(), e);
        }
        List<Node> nodes = new ArrayList<>();
        for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
            BpmnShape shape = shapes.get(n.getId());
            nodes.add(new Node(n.getId(), n.getElementType().getTypeName(), n.getName(),
                    shape == null ? null : box(shape.getBounds()), shape == null ? null : label(shape.getBpmnLabel()),
                    parentOf(n), n instanceof BoundaryEvent b ? b.getAttachedTo().getId() : null));
        }
        List<Flow> flows = new ArrayList<>();
        for (SequenceFlow f : model.getModelElementsByType(SequenceFlow.class)) {
            BpmnEdge edge = edges.get(f.getId());
            List<Point> points = edge == null ? List.of()
                    : edge.getWaypoints().stream().map(w -> new Point(w.getX(), w.getY())).toList();
            flows.add(new Flow(f.getId(), f.getName(), f.getSource().getId(), f.getTarget().getId(), parentOf(f),
                    points, edge == null ? null : label(edge.getBpmnLabel())));
        }
        return new ProcessDiagram(List.copyOf(nodes), List.copyOf(flows));
    }

    public Node node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
    }

    /** The sub-processes that hold the element, innermost first. */
    public List<String> containersOf(String parent) {
        List<String> chain = new ArrayList<>();
        for (String p = parent; p != null; p = node(p) == null ? null : node(p).parent()) {
            chain.add(p);
        }
        return chain;
    }

    /** Every box the diagram draws, for its extent. */
    public Collection<Box> boxes() {
        List<Box> all = new ArrayList<>();
        nodes.forEach(n -> {
            if (n.box() != null) {
                all.add(n.box());
            }
            if (n.label() != null) {
                all.add(n.label());
            }
        });
        flows.forEach(f -> {
            f.points().forEach(p -> all.add(new Box(p.x(), p.y(), 0, 0)));
            if (f.label() != null) {
                all.add(f.label());
            }
        });
        return all;
    }

    private static String parentOf(ModelElementInstance element) {
        return element.getParentElement() instanceof SubProcess s ? s.getId() : null;
    }

    private static Box box(Bounds b) {
        return b == null ? null : new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
    }

    private static Box label(BpmnLabel label) {
        return label == null ? null : box(label.getBounds());
    }
}
