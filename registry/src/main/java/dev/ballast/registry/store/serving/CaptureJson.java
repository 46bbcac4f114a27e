package dev.ballast.registry.store.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.ballast.registry.domain.serving.CapturedInputs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the {@code inputs} and {@code output} columns, written and read with jackson-core's
 * streaming API: no reflection and no object mapper on the writer thread's path. Writing never
 * fails on a value: a non-finite number becomes null (JSON has no NaN) and an unexpected type its
 * string, because one odd row must not cost a whole batch.
 */
final class CaptureJson {
    private static final JsonFactory JSON = new JsonFactory();
    /** For reads into columns: numbers parsed with FastDoubleParser, names interned (the default) so they compare by identity. */
    private static final JsonFactory COLUMNS = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private CaptureJson() {
    }

    static String writeInputs(Map<String, Double> inputs) {
        StringWriter out = new StringWriter(16 + 24 * inputs.size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, Double> e : inputs.entrySet()) {
                g.writeFieldName(e.getKey());
                number(g, e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String writeOutput(Map<String, Object> output) {
        StringWriter out = new StringWriter(64);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            value(g, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Map<String, Double> readInputs(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            Map<String, Double> inputs = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                inputs.put(name, t == JsonToken.VALUE_NULL ? null : p.getDoubleValue());
            }
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one row's inputs into the columns, without a map or a boxed value. */
    static void readInputsInto(String json, CapturedInputs.Builder columns) {
        try (JsonParser p = COLUMNS.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            columns.startRow();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NULL) {
                    columns.missing(name);
                } else if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
                    columns.value(name, p.getDoubleValue());
                } else {
                    throw new IOException("captured input '" + name + "' is " + t + ", not a number");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readOutput(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            Object v = read(p, p.nextToken());
            if (!(v instanceof Map<?, ?>)) {
                throw new IOException("captured output is not a JSON object");
            }
            return (Map<String, Object>) v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(JsonGenerator g, Double v) throws IOException {
        if (v == null || !Double.isFinite(v)) {
            g.writeNull();
        } else {
            g.writeNumber(v);
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Double || v instanceof Float) {
            number(g, ((Number) v).doubleValue());
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object item : c) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (v instanceof double[] a) {
            g.writeStartArray();
            for (double d : a) {
                number(g, d);
            }
            g.writeEndArray();
        } else {
            g.writeString(String.valueOf(v));
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new IOException("unexpected end of captured JSON");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, read(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(read(p, next));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
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
            default -> throw new IOException("unexpected " + t + " in captured JSON");
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("captured JSON: expected " + expected + ", got " + actual);
        }
    }
}
