package dev.ballast.client;

import java.util.Map;

/**
 * Writes the {@code MLmodel} marker: a nested map of strings as block YAML with every scalar
 * single-quoted, which is all MLflow's file needs and spares the client a YAML library.
 */
final class MlmodelYaml {
    private MlmodelYaml() {
    }

    static String write(Map<String, Object> map) {
        StringBuilder out = new StringBuilder();
        write(out, map, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Map<?, ?> map, int indent) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(" ".repeat(indent)).append(e.getKey()).append(':');
            if (e.getValue() instanceof Map<?, ?> inner) {
                out.append('\n');
                write(out, inner, indent + 2);
            } else {
                out.append(' ').append(quote(String.valueOf(e.getValue()))).append('\n');
            }
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''").replace("\n", " ") + "'";
    }
}
