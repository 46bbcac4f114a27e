package dev.ballast.drift.api.monitor;

import dev.ballast.core.error.BallastException;
import dev.ballast.drift.app.monitor.FieldChange;
import io.micronaut.core.annotation.Nullable;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A monitor request's JSON object, read field by field. Each field's type is checked and a wrong one is a 400 naming
 * the field and what it must be; fields the request does not know are refused, so a misspelt setting never runs
 * silently with its default; and a field sent as null stays distinguishable from one left out (a change clears it).
 */
final class MonitorFields {
    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_DEPTH = 8;

    private final Map<String, Object> body;

    /**
     * Reads the body (a JSON object) with jackson-core rather than a data binder, which would drop fields sent as null and
     * so make "clear it" look like "leave it".
     */
    MonitorFields(@Nullable String json, Set<String> known, String request) {
        this.body = parse(json, request);
        Set<String> unknown = new TreeSet<>(this.body.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw BallastException.invalid("Unknown field" + (unknown.size() == 1 ? " " : "s ") + unknown + " in " + request + "; known: "
                    + new TreeSet<>(known) + ".");
        }
    }

    private static Map<String, Object> parse(@Nullable String json, String request) {
        if (json == null || json.isBlank()) {
            throw BallastException.invalid("The body of " + request + " must be a JSON object.");
        }
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw BallastException.invalid("The body of " + request + " must be a JSON object.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) value(p, JsonToken.START_OBJECT, 0);
            if (p.nextToken() != null) {
                throw BallastException.invalid("The body of " + request + " holds more than one JSON value.");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw BallastException.invalid("The body of " + request + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(JsonParser p, JsonToken t, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw BallastException.invalid("The body nests values deeper than " + MAX_DEPTH + " levels.");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (m.containsKey(name)) {
                        throw BallastException.invalid("Field '" + name + "' appears twice.");
                    }
                    m.put(name, value(p, p.nextToken(), depth + 1));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, next, depth + 1));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getBigIntegerValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDecimalValue();
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
            default -> throw new JsonParseException(p, "unexpected " + t);
        }
    }

    boolean has(String field) {
        return body.containsKey(field);
    }

    /** Null when left out or null; else the value read by {@code reader}. */
    <T> FieldChange<T> change(String field, Function<String, T> reader) {
        return has(field) ? new FieldChange<>(reader.apply(field)) : null;
    }

    @Nullable
    String string(String field) {
        Object v = body.get(field);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw wrongType(field, "a string", v);
    }

    @Nullable
    Integer integer(String field) {
        Long v = whole(field, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return v == null ? null : v.intValue();
    }

    @Nullable
    Long longValue(String field) {
        return whole(field, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A version number, as a whole number or a string of one (versions are strings in the registry's JSON). */
    @Nullable
    Integer version(String field) {
        if (body.get(field) instanceof String s) {
            try {
                return Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                throw wrongType(field, "a version number", s);
            }
        }
        return integer(field);
    }

    /** A finite number. */
    @Nullable
    Double number(String field) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw wrongType(field, "a number", v);
        }
        double d = n.doubleValue(); // a BigDecimal beyond the double range becomes infinite
        if (!Double.isFinite(d)) {
            throw BallastException.invalid("'" + field + "' must be a finite number, got " + v + ".");
        }
        return d;
    }

    @Nullable
    Boolean bool(String field) {
        Object v = body.get(field);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        throw wrongType(field, "true or false", v);
    }

    @Nullable
    List<String> strings(String field) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list)) {
            throw wrongType(field, "an array of strings", v);
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw wrongType(field, "an array of strings", v);
            }
            out.add(s);
        }
        return out;
    }

    private Long whole(String field, long min, long max) {
        Object v = body.get(field);
        if (v == null) {
            return null;
        }
        BigInteger i;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            i = BigInteger.valueOf(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            i = b;
        } else if (v instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
            i = d.toBigIntegerExact();
        } else {
            throw wrongType(field, "a whole number", v);
        }
        if (i.compareTo(BigInteger.valueOf(min)) < 0 || i.compareTo(BigInteger.valueOf(max)) > 0) {
            throw BallastException.invalid("'" + field + "' is out of range: " + i + ".");
        }
        return i.longValue();
    }

    private static BallastException wrongType(String field, String expected, Object got) {
        String shown = got instanceof String s ? "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"" : String.valueOf(got);
        if (shown.length() > 60) {
            shown = shown.substring(0, 60) + "...";
        }
        return BallastException.invalid("'" + field + "' must be " + expected + ", got " + shown + ".");
    }
}
