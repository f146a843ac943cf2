package cn.minqing.process;

import cn.minqing.process.ProcessDiagram.Box;
import cn.minqing.process.ProcessDiagram.Flow;
import cn.minqing.process.ProcessDiagram.Node;
import cn.minqing.process.ProcessDiagram.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws a process diagram as SVG from its DI, with a case's trail on it: the stages it passed in green (with
 * "×n" when entered more than once), where it stands in amber, the flows it took in green and the loops it went
 * through (退单, 审批退回, 重办) dashed in dark orange. Names show in the viewer's language: a BPMN name
 * "受理 Intake review" is 受理 in Chinese and "Intake review" in English; names that only repeat an id are left out.
 */
final class DiagramSvg {

    static final String PASSED_FILL = "#e3f2e6";
    static final String PASSED = "#1b6e2d";
    static final String CURRENT_FILL = "#fff1c2";
    static final String CURRENT = "#8a4b00";
    static final String LOOP = "#b93c0c";
    private static final String LINE = "#4b5563";
    private static final String TEXT = "#111827";
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

    private final ProcessDiagram d;
    private final Trail trail;
    private final boolean chinese;
    private final StringBuilder svg = new StringBuilder();

    private DiagramSvg(ProcessDiagram d, Trail trail, Locale locale) {
        this.d = d;
        this.trail = trail;
        this.chinese = !"en".equals(locale.getLanguage());
    }

    static String draw(ProcessDiagram d, Trail trail, Locale locale, String title) {
        return new DiagramSvg(d, trail, locale).draw(title);
    }

    private String draw(String title) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        for (Box b : d.boxes()) {
            minX = Math.min(minX, b.x());
            minY = Math.min(minY, b.y());
            maxX = Math.max(maxX, b.right());
            maxY = Math.max(maxY, b.bottom());
        }
        double x0 = minX - 20;
        double y0 = minY - 20;
        double w = maxX - minX + 40;
        double h = maxY - minY + 40;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                + "aria-labelledby=\"diagram-title\" viewBox=\"%.0f %.0f %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
                + "font-family=\"'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei',sans-serif\" font-size=\"12\">",
                x0, y0, w, h, w, h));
        svg.append("<title id=\"diagram-title\">").append(esc(title)).append("</title>");
        svg.append("<defs>");
        marker("arrow", LINE);
        marker("arrow-taken", PASSED);
        marker("arrow-loop", LOOP);
        svg.append("</defs>");
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>",
                x0, y0, w, h));
        d.nodes().stream().filter(Node::isContainer).forEach(this::container);
        d.flows().forEach(this::flow);
        d.nodes().stream().filter(n -> !n.isContainer() && n.box() != null && n.attachedTo() == null).forEach(this::node);
        d.nodes().stream().filter(n -> n.attachedTo() != null && n.box() != null).forEach(this::node); // over their hosts
        return svg.append("</svg>").toString();
    }

    private void marker(String id, String colour) {
        svg.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
                .append("markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
                .append(colour).append("\"/></marker>");
    }

    private void container(Node n) {
        if (n.box() == null) {
            return;
        }
        Box b = n.box();
        svg.append(String.format(Locale.ROOT, "<rect data-id=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "rx=\"12\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>", esc(n.id()), b.x(), b.y(), b.width(),
                b.height(), LINE));
        text(shown(n.name(), n.id()), b.centreX(), b.y() + 18, "middle");
    }

    private void flow(Flow f) {
        if (f.points().size() < 2) {
            return;
        }
        boolean loop = trail.loops().contains(f.id());
        boolean taken = trail.taken().contains(f.id());
        String colour = loop ? LOOP : taken ? PASSED : LINE;
        StringBuilder points = new StringBuilder();
        for (Point p : f.points()) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.x(), p.y()));
        }
        svg.append(String.format(Locale.ROOT, "<polyline data-id=\"%s\" class=\"flow%s\" points=\"%s\" fill=\"none\" "
                        + "stroke=\"%s\" stroke-width=\"%s\"%s marker-end=\"url(#%s)\"/>", esc(f.id()),
                loop ? " loop" : taken ? " taken" : "", points.toString().trim(), colour, taken ? "3" : "1.5",
                loop ? " stroke-dasharray=\"8 4\"" : "", loop ? "arrow-loop" : taken ? "arrow-taken" : "arrow"));
        label(f.name(), f.id(), f.label());
    }

    private void node(Node n) {
        Box b = n.box();
        boolean current = trail.current().contains(n.id());
        boolean passed = trail.visits().containsKey(n.id());
        String fill = current ? CURRENT_FILL : passed ? PASSED_FILL : "#ffffff";
        String stroke = current ? CURRENT : passed ? PASSED : LINE;
        boolean end = n.kind().equals("endEvent");
        String width = current || end ? "4" : passed ? "2.5" : "1.5";
        String state = current ? "current" : passed ? "passed" : "ahead";
        String common = String.format(Locale.ROOT, "data-id=\"%s\" class=\"node %s\" fill=\"%s\" stroke=\"%s\" "
                + "stroke-width=\"%s\"", esc(n.id()), state, fill, stroke, width);
        if (n.kind().endsWith("Task")) {
            svg.append(String.format(Locale.ROOT, "<rect %s x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"10\"/>",
                    common, b.x(), b.y(), b.width(), b.height()));
            taskText(shown(n.name(), n.id()), b);
        } else if (n.kind().endsWith("Gateway")) {
            svg.append(String.format(Locale.ROOT, "<polygon %s points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>",
                    common, b.centreX(), b.y(), b.right(), b.centreY(), b.centreX(), b.bottom(), b.x(), b.centreY()));
            double r = b.width() / 6;
            svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f,%.1f l%.1f,%.1f M%.1f,%.1f l%.1f,%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/>", b.centreX() - r, b.centreY() - r, 2 * r, 2 * r, b.centreX() + r,
                    b.centreY() - r, -2 * r, 2 * r, TEXT));
        } else {
            double r = b.width() / 2;
            svg.append(String.format(Locale.ROOT, "<circle %s cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"/>", common,
                    b.centreX(), b.centreY(), end ? r - 1.5 : r));
            if (n.kind().equals("boundaryEvent")) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" "
                        + "stroke=\"%s\"/><path d=\"M%.1f,%.1f v-7 M%.1f,%.1f h6\" stroke=\"%s\" stroke-width=\"1.5\"/>",
                        b.centreX(), b.centreY(), r - 4, stroke, b.centreX(), b.centreY(), b.centreX(), b.centreY(),
                        TEXT));
            }
        }
        Integer visits = trail.visits().get(n.id());
        if (visits != null && visits > 1) {
            svg.append(String.format(Locale.ROOT, "<text class=\"visits\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
                    + "font-weight=\"bold\" fill=\"%s\">×%d</text>", b.right() - 2, b.y() - 4, PASSED, visits));
        }
        label(n.name(), n.id(), n.label());
    }

    private void label(String name, String id, Box at) {
        String text = shown(name, id);
        if (text == null || at == null) {
            return;
        }
        List<String> lines = wrap(text, Math.max(at.width() + 4, 48));
        double y = at.y() + 11;
        for (String line : lines) {
            text(line, at.centreX(), y, "middle");
            y += 14;
        }
    }

    private void taskText(String name, Box b) {
        if (name == null) {
            return;
        }
        List<String> lines = wrap(name, b.width() - 12);
        double y = b.centreY() - (lines.size() - 1) * 7 + 4;
        for (String line : lines) {
            text(line, b.centreX(), y, "middle");
            y += 14;
        }
    }

    private void text(String s, double x, double y, String anchor) {
        if (s == null) {
            return;
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">%s</text>",
                x, y, anchor, TEXT, esc(s)));
    }

    /** The name in the viewer's language; null for names that only repeat the id. */
    String shown(String name, String id) {
        if (name == null || name.isBlank() || name.equals(id)) {
            return null;
        }
        Matcher latin = LATIN.matcher(name);
        boolean hasChinese = name.codePoints().anyMatch(c -> c >= 0x2e80);
        if (!hasChinese || !latin.find() || latin.start() == 0) {
            return name;
        }
        return chinese ? name.substring(0, latin.start()).trim() : name.substring(latin.start()).trim();
    }

    /** Lines no wider than {@code max} at 12 px (a Chinese character 12 px, others about 7); Latin breaks at spaces. */
    private static List<String> wrap(String s, double max) {
        boolean words = s.contains(" ") || s.codePoints().noneMatch(c -> c >= 0x2e80);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words ? s.split(" ") : s.split("")) {
            String sep = words && line.length() > 0 ? " " : "";
            if (width(line + sep + word) > max && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                sep = "";
            }
            line.append(sep).append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static double width(String s) {
        return s.codePoints().mapToDouble(c -> c >= 0x2e80 ? 12 : 7).sum();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
