package dev.ballast.drift.store.monitor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A monitor's feature list in its TEXT column, as a JSON array of strings (feature names may hold any character). */
final class FeatureListJson {
    private static final JsonFactory JSON = new JsonFactory();

    private FeatureListJson() {
    }

    static String write(@Nullable List<String> features) {
        if (features == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (String f : features) {
                g.writeString(f);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<String> read(@Nullable String json) {
        if (json == null) {
            return null;
        }
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("features column is not a JSON array");
            }
            List<String> out = new ArrayList<>();
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                out.add(p.getText());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
