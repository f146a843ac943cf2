package cn.minqing.stats;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.util.List;
import java.util.Optional;

/**
 * Horizontal bar charts for the monthly report, drawn with OpenPDF's own operators on a template and
 * wrapped as an image so they flow with the text. Each chart carries its caption underneath, so a
 * page break never separates the two. Nothing to show means no chart.
 */
final class PdfBarCharts {

    /** One row of a grouped chart: this month's and last month's count. */
    record Pair(String label, long now, long before) {
        Pair {
            label = label == null ? "" : label;
        }
    }

    /** One rate against its target, both as fractions; {@code met} says whether the value meets the target. */
    record Rate(String label, double value, double target, boolean higherIsBetter) {
        Rate {
            label = label == null ? "" : label;
        }

        boolean met() {
            return higherIsBetter ? value >= target : value <= target;
        }
    }

    private static final float LABEL_SIZE = 9;
    private static final float VALUE_SIZE = 7.5f;
    private static final float ROW = 22;
    private static final float GAP = 6;
    private static final float LEGEND = 18;
    private static final float CAPTION = 22;
    private static final int[] NOW = {52, 101, 164};
    private static final int[] BEFORE = {180, 180, 180};
    private static final int[] GOOD = {46, 139, 87};
    private static final int[] BAD = {200, 55, 45};
    private static final int[] TRACK = {232, 232, 232};
    private static final int[] INK = {60, 60, 60};

    private PdfBarCharts() {
    }

    /** Two bars per row (本月, 上月), the counts at the bar ends, a legend above. */
    static Optional<Image> pairs(PdfWriter writer, BaseFont font, float width, String caption, List<Pair> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long max = Math.max(1, rows.stream().mapToLong(r -> Math.max(r.now(), r.before())).max().orElse(1));
        float labels = labelWidth(font, rows.stream().map(Pair::label).toList(), width);
        float values = font.getWidthPoint(String.valueOf(max), VALUE_SIZE) + GAP;
        float x0 = labels + GAP;
        float scale = (width - x0 - values) / max;
        float height = LEGEND + rows.size() * ROW + CAPTION;
        PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
        legend(t, font, width, height - LEGEND / 2, "本月", NOW, "上月", BEFORE);
        float top = height - LEGEND;
        for (Pair r : rows) {
            float mid = top - ROW / 2;
            text(t, font, LABEL_SIZE, INK, Element.ALIGN_RIGHT, fit(font, r.label(), labels), labels, mid);
            bar(t, font, x0, mid + 1, 7, r.now() * scale, NOW, String.valueOf(r.now()));
            bar(t, font, x0, mid - 8, 7, r.before() * scale, BEFORE, String.valueOf(r.before()));
            top -= ROW;
        }
        axis(t, x0, height - LEGEND, top);
        text(t, font, LABEL_SIZE, INK, Element.ALIGN_CENTER, caption, width / 2, CAPTION / 2);
        return Optional.of(image(t));
    }

    /** One bar per rate on a 0–100% track, a tick at the target, green when the target is met and red when not. */
    static Optional<Image> rates(PdfWriter writer, BaseFont font, float width, String caption, List<Rate> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        float labels = labelWidth(font, rows.stream().map(Rate::label).toList(), width);
        float values = font.getWidthPoint("100.0%  目标≥100%", VALUE_SIZE) + GAP;
        float x0 = labels + GAP;
        float track = width - x0 - values;
        float height = LEGEND + rows.size() * ROW + CAPTION;
        PdfTemplate t = writer.getDirectContent().createTemplate(width, height);
        legend(t, font, width, height - LEGEND / 2, "达标", GOOD, "未达标", BAD);
        float top = height - LEGEND;
        for (Rate r : rows) {
            float mid = top - ROW / 2;
            text(t, font, LABEL_SIZE, INK, Element.ALIGN_RIGHT, fit(font, r.label(), labels), labels, mid);
            fill(t, TRACK, x0, mid - 5, track, 10);
            fill(t, r.met() ? GOOD : BAD, x0, mid - 5, track * clamp(r.value()), 10);
            float tick = x0 + track * clamp(r.target());
            t.setRGBColorStroke(INK[0], INK[1], INK[2]);
            t.setLineWidth(1.5f);
            t.moveTo(tick, mid - 8);
            t.lineTo(tick, mid + 8);
            t.stroke();
            String value = "%.1f%%".formatted(r.value() * 100);
            text(t, font, VALUE_SIZE, r.met() ? GOOD : BAD, Element.ALIGN_LEFT, value, x0 + track + GAP, mid);
            text(t, font, VALUE_SIZE, INK, Element.ALIGN_LEFT, "目标%s%s".formatted(r.higherIsBetter() ? "≥" : "≤",
                    percent(r.target())), x0 + track + GAP + font.getWidthPoint("100.0%  ", VALUE_SIZE), mid);
            top -= ROW;
        }
        text(t, font, LABEL_SIZE, INK, Element.ALIGN_CENTER, caption, width / 2, CAPTION / 2);
        return Optional.of(image(t));
    }

    private static float labelWidth(BaseFont font, List<String> labels, float width) {
        float widest = (float) labels.stream().mapToDouble(l -> font.getWidthPoint(l, LABEL_SIZE)).max().orElse(0);
        return Math.min(widest, width / 4);
    }

    /** The label, shortened with an ellipsis when it is wider than the room for labels. */
    private static String fit(BaseFont font, String label, float room) {
        String s = label;
        while (s.length() > 1 && font.getWidthPoint(s.equals(label) ? s : s + "…", LABEL_SIZE) > room) {
            s = s.substring(0, s.length() - 1);
        }
        return s.equals(label) ? s : s + "…";
    }

    private static void bar(PdfContentByte c, BaseFont font, float x, float y, float h, float length, int[] rgb, String value) {
        fill(c, rgb, x, y, length, h);
        text(c, font, VALUE_SIZE, INK, Element.ALIGN_LEFT, value, x + length + 3, y + h / 2);
    }

    private static void legend(PdfContentByte c, BaseFont font, float right, float mid, String a, int[] aColour,
                               String b, int[] bColour) {
        float x = right - font.getWidthPoint(b, VALUE_SIZE);
        text(c, font, VALUE_SIZE, INK, Element.ALIGN_LEFT, b, x, mid);
        fill(c, bColour, x - 12, mid - 4, 8, 8);
        x -= 12 + GAP * 2 + font.getWidthPoint(a, VALUE_SIZE);
        text(c, font, VALUE_SIZE, INK, Element.ALIGN_LEFT, a, x, mid);
        fill(c, aColour, x - 12, mid - 4, 8, 8);
    }

    private static void axis(PdfContentByte c, float x, float top, float bottom) {
        c.setRGBColorStroke(INK[0], INK[1], INK[2]);
        c.setLineWidth(0.5f);
        c.moveTo(x, top);
        c.lineTo(x, bottom);
        c.stroke();
    }

    private static void fill(PdfContentByte c, int[] rgb, float x, float y, float w, float h) {
        if (w <= 0) {
            return;
        }
        c.setRGBColorFill(rgb[0], rgb[1], rgb[2]);
        c.rectangle(x, y, w, h);
        c.fill();
    }

    /** Text whose middle (not baseline) is at {@code mid}. */
    private static void text(PdfContentByte c, BaseFont font, float size, int[] rgb, int align, String s, float x, float mid) {
        c.beginText();
        c.setRGBColorFill(rgb[0], rgb[1], rgb[2]);
        c.setFontAndSize(font, size);
        c.showTextAligned(align, s, x, mid - size * 0.35f, 0);
        c.endText();
    }

    private static float clamp(double fraction) {
        return (float) Math.max(0, Math.min(1, fraction));
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return p == Math.rint(p) ? "%d%%".formatted(Math.round(p)) : "%.1f%%".formatted(p);
    }

    private static Image image(PdfTemplate t) {
        try {
            Image image = Image.getInstance(t);
            image.setAlignment(Element.ALIGN_CENTER);
            image.setSpacingBefore(4);
            image.setSpacingAfter(10);
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }
}
