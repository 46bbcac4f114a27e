package dev.ballast.registry.app.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ballast.registry.domain.event.RegistryEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the JSON body webhooks receive:
 * {@code {"id","type","occurred_at","actor","request_id","data"}}. It is written once, when the
 * event is published, and stored, so every attempt (also after a restart) sends the same bytes.
 *
 * <p>Written with a plain generator rather than the serde mapper so that the envelope is exactly
 * what was published: every key present (null when unknown), and empty lists, empty maps and
 * nulls inside {@code data} kept (the mapper's default inclusion drops them). Values other than
 * JSON's (maps with string keys, lists, strings, finite numbers, booleans, null) are refused, so
 * a mistake shows up at the publishing call, not at a receiver.
 */
@Singleton
public class EnvelopeWriter {
    private static final JsonFactory JSON = new JsonFactory();

    public String write(String id, RegistryEvent event, long occurredAt, @Nullable String actor, @Nullable String requestId) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("type", event.type());
            g.writeNumberField("occurred_at", occurredAt);
            g.writeStringField("actor", actor);
            g.writeStringField("request_id", requestId);
            g.writeFieldName("data");
            value(g, event.data(), "data");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, Object v, String path) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("event " + path + " is " + d + ", which JSON cannot represent");
            }
            g.writeNumber(d);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("event " + path + " has a non-string key: " + e.getKey());
                }
                g.writeFieldName(key);
                value(g, e.getValue(), path + "." + key);
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            int i = 0;
            for (Object item : c) {
                value(g, item, path + "[" + i++ + "]");
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("event " + path + " is a " + v.getClass().getName()
                    + "; event data holds only maps, lists, strings, numbers, booleans and null");
        }
    }
}
