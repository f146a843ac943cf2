package cn.minqing.process;

import cn.minqing.process.ProcessDiagram.Flow;
import cn.minqing.process.ProcessDiagram.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case's way through its process diagram, from the engine's history: how often each element was entered, where
 * the case stands now, which sequence flows it took and which of those were detours of a loop (退单, 审批退回, 重办).
 * The engine records activities, not flows: a flow counts as taken when its target was entered and its source was
 * the last of the target's possible sources to finish before that, within the same process instance. A loop flow
 * is a taken flow that lies on a cycle of the process and off its main line (the start event's row, kept by
 * ProcessLayoutTest), unless it only bypasses a part of the line forward (无需会签).
 */
record Trail(Map<String, Integer> visits, Set<String> current, Set<String> taken, Set<String> loops) {

    /** One activity instance; {@code instance} tells the case's process instances apart (a reopened case has two). */
    record Step(String instance, String activity, Date start, Date end) {
    }

    static Trail none() {
        return new Trail(Map.of(), Set.of(), Set.of(), Set.of());
    }

    /** @param steps in the order they started */
    static Trail of(ProcessDiagram d, List<Step> steps, boolean ended) {
        Map<String, Integer> visits = new HashMap<>();
        Set<String> current = new HashSet<>();
        Set<String> taken = new HashSet<>();
        String lastInstance = steps.isEmpty() ? null : steps.get(steps.size() - 1).instance();
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            visits.merge(s.activity(), 1, Integer::sum);
            Node node = d.node(s.activity());
            if (s.end() == null && !ended && s.instance().equals(lastInstance) && node != null && !node.isContainer()) {
                current.add(s.activity());
            }
            Flow flow = arrivedBy(d, steps, k);
            if (flow != null) {
                taken.add(flow.id());
            }
        }
        Set<String> loops = new HashSet<>();
        double line = mainLine(d);
        Map<String, Integer> components = components(d);
        for (Flow f : d.flows()) {
            boolean onCycle = components.get(f.source()).equals(components.get(f.target()));
            boolean offLine = f.points().stream().anyMatch(p -> Math.abs(p.y() - line) > 1);
            if (taken.contains(f.id()) && onCycle && offLine && !isBypass(d, f, line)) {
                loops.add(f.id());
            }
        }
        return new Trail(visits, current, taken, loops);
    }

    private static Flow arrivedBy(ProcessDiagram d, List<Step> steps, int k) {
        Step s = steps.get(k);
        List<Flow> incoming = d.flows().stream().filter(f -> f.target().equals(s.activity())).toList();
        Flow best = null;
        Date bestEnd = null;
        for (int j = 0; j < k; j++) {
            Step before = steps.get(j);
            if (!before.instance().equals(s.instance()) || before.end() == null || before.end().after(s.start())) {
                continue;
            }
            for (Flow f : incoming) {
                if (f.source().equals(before.activity()) && (bestEnd == null || !before.end().before(bestEnd))) {
                    best = f;
                    bestEnd = before.end();
                }
            }
        }
        return best;
    }

    /** The row of the process's start event (the top-level one). */
    /** A flow from the line back onto it further on, drawn around what it skips (无需会签): the way on, not a detour. */
    private static boolean isBypass(ProcessDiagram d, Flow f, double line) {
        ProcessDiagram.Node source = d.node(f.source());
        ProcessDiagram.Node target = d.node(f.target());
        return source != null && target != null && source.box() != null && target.box() != null
                && Math.abs(source.box().centreY() - line) <= 1 && Math.abs(target.box().centreY() - line) <= 1
                && target.box().centreX() > source.box().centreX();
    }

    private static double mainLine(ProcessDiagram d) {
        return d.nodes().stream().filter(n -> n.kind().equals("startEvent") && n.parent() == null && n.box() != null)
                .map(n -> n.box().centreY()).findFirst().orElse(Double.NaN);
    }

    /** Strongly connected components of the flow graph (Tarjan), as a component number per node. */
    private static Map<String, Integer> components(ProcessDiagram d) {
        Map<String, List<String>> next = new HashMap<>();
        d.nodes().forEach(n -> next.put(n.id(), new ArrayList<>()));
        d.flows().forEach(f -> next.get(f.source()).add(f.target()));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        int[] counter = {0, 0};
        for (String n : next.keySet()) {
            if (!index.containsKey(n)) {
                connect(n, next, index, low, component, stack, counter);
            }
        }
        return component;
    }

    private static void connect(String v, Map<String, List<String>> next, Map<String, Integer> index,
                                Map<String, Integer> low, Map<String, Integer> component, Deque<String> stack,
                                int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        for (String w : next.get(v)) {
            if (!index.containsKey(w)) {
                connect(w, next, index, low, component, stack, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            String w;
            do {
                w = stack.pop();
                component.put(w, counter[1]);
            } while (!w.equals(v));
            counter[1]++;
        }
    }
}
