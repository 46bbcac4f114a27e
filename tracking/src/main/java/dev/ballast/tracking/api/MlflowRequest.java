package dev.ballast.tracking.api;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.http.HttpParameters;

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
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private final Map<String, Object> fields;

    private MlflowRequest(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static MlflowRequest fromJson(byte[] body) {
        if (body == null || body.length == 0) {
            return new MlflowRequest(Map.of());
        }
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null || first.isScalarValue() && parser.getText().isBlank()) {
                return new MlflowRequest(Map.of());
            }
            if (first != JsonToken.START_OBJECT) {
                throw new BallastException(ErrorCode.BAD_REQUEST, "The request body must be a JSON object.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) read(parser, first);
            if (parser.nextToken() != null) {
                throw new BallastException(ErrorCode.BAD_REQUEST, "Malformed JSON request body: content after the object.");
            }
            return new MlflowRequest(map);
        } catch (IOException e) {
            throw new BallastException(ErrorCode.BAD_REQUEST, "Malformed JSON request body: " + firstLine(e.getMessage()));
        }
    }

    /** Reads one JSON value straight into maps, lists, strings, longs and doubles: one pass, no tree. */
    private static Object read(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    map.put(name, read(p, p.nextToken()));
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new JsonParseException(p, "unterminated object");
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new JsonParseException(p, "unterminated array");
                    }
                    list.add(read(p, t));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : (Object) p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseException(p, "unexpected token " + token);
        }
    }

    public static MlflowRequest fromQuery(HttpParameters parameters) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name : parameters.names()) {
            List<String> values = parameters.getAll(name);
            map.put(name, values.size() == 1 ? values.get(0) : new ArrayList<>(values));
        }
        return new MlflowRequest(map);
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
            if (v instanceof Long l) {
                return l;
            }
            if (v instanceof Integer i) {
                return i.longValue();
            }
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

    /** MLflow's {@code [{"key": ..., "value": ...}]} tag lists as a map, in the order given. */
    public Map<String, String> tags(String name) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (MlflowRequest t : objects(name)) {
            tags.put(t.requireString("key"), t.requireString("value"));
        }
        return tags;
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
