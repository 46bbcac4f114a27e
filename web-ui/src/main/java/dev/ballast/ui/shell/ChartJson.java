package dev.ballast.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the JSON a chart element is drawn from ({@code ballast.js}: {@code <div class="chart"
 * data-chart="ID">} next to {@code <script type="application/json" id="ID" th:utext="${json}">}).
 * The JSON sits inside a script element, so {@code <}, {@code >} and {@code &} are written as
 * unicode escapes: a series label like {@code </script><script>...} cannot end the block. NaN
 * and infinities, which JSON cannot carry, become gaps (null).
 */
public final class ChartJson {
    private final String kind;
    private final List<Double> x = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final List<List<Double>> values = new ArrayList<>();
    private String xLabel = "";
    private String yLabel = "";
    private boolean time;

    private ChartJson(String kind) {
        this.kind = kind;
    }

    /** Line chart: one line per series over the shared x values. */
    public static ChartJson lines() {
        return new ChartJson("lines");
    }

    /** Bar chart: one bar group per x value (e.g. histogram bin start), one bar per series. */
    public static ChartJson bars() {
        return new ChartJson("bars");
    }

    public ChartJson x(List<? extends Number> xs, String label) {
        xs.forEach(v -> x.add(v == null ? null : v.doubleValue()));
        this.xLabel = label;
        return this;
    }

    /** X values are epoch seconds and the axis shows dates. */
    public ChartJson timeAxis() {
        this.time = true;
        return this;
    }

    public ChartJson yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    /** Adds a series; {@code ys} is aligned with the x values, null for a gap. */
    public ChartJson series(String label, List<? extends Number> ys) {
        List<Double> copy = new ArrayList<>(ys.size());
        ys.forEach(v -> copy.add(v == null ? null : v.doubleValue()));
        labels.add(label);
        values.add(copy);
        return this;
    }

    public String json() {
        StringBuilder out = new StringBuilder(64 + 16 * x.size() * (1 + values.size()));
        out.append("{\"kind\":").append(string(kind))
                .append(",\"xLabel\":").append(string(xLabel))
                .append(",\"yLabel\":").append(string(yLabel))
                .append(",\"time\":").append(time)
                .append(",\"x\":");
        numbers(out, x);
        out.append(",\"series\":[");
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"label\":").append(string(labels.get(i))).append(",\"values\":");
            numbers(out, values.get(i));
            out.append('}');
        }
        return out.append("]}").toString();
    }

    private static void numbers(StringBuilder out, List<Double> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Double v = list.get(i);
            out.append(v == null || v.isNaN() || v.isInfinite() ? "null" : number(v));
        }
        out.append(']');
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A JSON string literal that is also safe inside an HTML script element. */
    static String string(String text) {
        StringBuilder out = new StringBuilder(text == null ? 2 : text.length() + 8).append('"');
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
