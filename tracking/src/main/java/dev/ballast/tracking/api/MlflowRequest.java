package dev.ballast.tracking.api;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import io.micronaut.http.HttpParameters;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of an MLflow request, read the way MLflow's clients write them: the Java client
 * sends int64 as JSON strings and doubles like NaN as strings, Python sends plain numbers, GET
 * calls put everything in the query string (lists as repeated keys). Each accessor accepts all
 * of these and refuses anything else with INVALID_PARAMETER_VALUE naming the field.
 */
public final class MlflowRequest {
    private final Map<String, Object> fields;

    private MlflowRequest(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static MlflowRequest fromJson(JsonMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            return new MlflowRequest(Map.of());
        }
        JsonNode node;
        try {
            node = mapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new BallastException(ErrorCode.BAD_REQUEST, "Malformed JSON request body: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new BallastException(ErrorCode.BAD_REQUEST, "The request body must be a JSON object.");
        }
        return fromNode(node);
    }

    static MlflowRequest fromNode(JsonNode node) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) toJava(node);
        return new MlflowRequest(map);
    }

    public static MlflowRequest fromQuery(HttpParameters parameters) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name : parameters.names()) {
            List<String> values = parameters.getAll(name);
            map.put(name, values.size() == 1 ? values.get(0) : new ArrayList<>(values));
        }
        return new MlflowRequest(map);
    }

    private static Object toJava(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                map.put(e.getKey(), toJava(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode v : node.values()) {
                list.add(toJava(v));
            }
            return list;
        }
        if (node.isString()) {
            return node.getStringValue();
        }
        if (node.isNumber()) {
            return node.getNumberValue();
        }
        if (node.isBoolean()) {
            return node.getBooleanValue();
        }
        return null;
    }

    public boolean has(String name) {
        return fields.get(name) != null;
    }

    public Object raw(String name) {
        return fields.get(name);
    }

    public String string(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        throw invalid(name, v, "a string");
    }

    public String requireString(String name) {
        String v = string(name);
        if (v == null) {
            throw missing(name);
        }
        return v;
    }

    /** The first of several accepted names that is present (run_id / run_uuid). */
    public String firstString(String... names) {
        for (String n : names) {
            String v = string(n);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    public Long int64(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        try {
            if (v instanceof Number n) {
                BigDecimal d = new BigDecimal(n.toString());
                return d.longValueExact();
            }
            if (v instanceof String s && !s.isBlank()) {
                return Long.parseLong(s.trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the error below
        }
        throw invalid(name, v, "an integer");
    }

    public long requireInt64(String name) {
        Long v = int64(name);
        if (v == null) {
            throw missing(name);
        }
        return v;
    }

    public Integer int32(String name) {
        Long v = int64(name);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw invalid(name, v, "a 32-bit integer");
        }
        return v.intValue();
    }

    /** A double, from a JSON number or one of the strings NaN, Infinity, -Infinity (or a numeric string). */
    public Double doubleValue(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            switch (s.trim()) {
                case "NaN", "nan" -> {
                    return Double.NaN;
                }
                case "Infinity", "inf", "+Infinity" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Infinity", "-inf" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                default -> {
                    try {
                        return Double.parseDouble(s.trim());
                    } catch (NumberFormatException e) {
                        throw invalid(name, v, "a number");
                    }
                }
            }
        }
        throw invalid(name, v, "a number");
    }

    public double requireDouble(String name) {
        Double v = doubleValue(name);
        if (v == null) {
            throw missing(name);
        }
        return v;
    }

    /** A list of strings: a JSON array, or repeated query parameters, or a single value. */
    public List<String> strings(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String) && !(o instanceof Number)) {
                    throw invalid(name, v, "a list of strings");
                }
                out.add(o.toString());
            }
            return out;
        }
        if (v instanceof String || v instanceof Number) {
            return List.of(v.toString());
        }
        throw invalid(name, v, "a list of strings");
    }

    /** A list of JSON objects, each read as a request of its own. */
    public List<MlflowRequest> objects(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw invalid(name, v, "a list of objects");
        }
        List<MlflowRequest> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(asObject(name, o));
        }
        return out;
    }

    /** A nested JSON object, or null when absent. */
    public MlflowRequest object(String name) {
        Object v = fields.get(name);
        return v == null ? null : asObject(name, v);
    }

    @SuppressWarnings("unchecked")
    private static MlflowRequest asObject(String name, Object o) {
        if (!(o instanceof Map<?, ?>)) {
            throw invalid(name, o, "a JSON object");
        }
        return new MlflowRequest((Map<String, Object>) o);
    }

    static BallastException missing(String name) {
        return BallastException.invalid("Missing value for required parameter '" + name + "'. See the API docs for more information about request parameters.");
    }

    static BallastException invalid(String name, Object value, String expected) {
        String shown = String.valueOf(value);
        if (shown.length() > 100) {
            shown = shown.substring(0, 100) + "...";
        }
        return BallastException.invalid("Invalid value " + shown + " for parameter '" + name + "' supplied: expected " + expected + ".");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
