package dev.ballast.tracking.api;

import java.util.List;
import java.util.Map;

/**
 * Writes MLflow responses as JSON text with MLflow's encoding rules: non-finite doubles become
 * the strings "NaN", "Infinity" and "-Infinity" (as protobuf's JSON mapping does), integers stay
 * numbers, nulls and empty lists are left out. Small and allocation-light because metric
 * histories can hold millions of points.
 */
public final class JsonText {

    private JsonText() {
    }

    public static String write(Map<String, ?> object) {
        StringBuilder sb = new StringBuilder(256);
        writeValue(sb, object);
        return sb.toString();
    }

    static void writeValue(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            writeString(sb, s);
        } else if (v instanceof Double d) {
            writeDouble(sb, d);
        } else if (v instanceof Float f) {
            writeDouble(sb, f.doubleValue());
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object value = e.getValue();
                if (value == null || (value instanceof List<?> l && l.isEmpty())) {
                    continue;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeString(sb, e.getKey().toString());
                sb.append(':');
                writeValue(sb, value);
            }
            sb.append('}');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                writeValue(sb, list.get(i));
            }
            sb.append(']');
        } else {
            writeString(sb, v.toString());
        }
    }

    static void writeDouble(StringBuilder sb, double d) {
        if (Double.isNaN(d)) {
            sb.append("\"NaN\"");
        } else if (Double.isInfinite(d)) {
            sb.append(d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        } else {
            sb.append(d);
        }
    }

    static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
