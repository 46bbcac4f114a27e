package dev.ballast.registry.api.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ballast.registry.app.serving.Prediction;
import dev.ballast.registry.app.tribuo.ModelPrediction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes prediction answers with a streaming generator (serving's hot path: no reflection, no
 * intermediate maps): Ballast's shape, with each row's value or label and scores, and MLflow's
 * scoring shape ({@code {"predictions": [...]}}, plain values or labels).
 */
final class PredictionJson {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private PredictionJson() {
    }

    static byte[] ballast(Prediction p) {
        return write(p, false);
    }

    static byte[] mlflow(Prediction p) {
        return write(p, true);
    }

    private static byte[] write(Prediction p, boolean mlflow) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 48 * p.rows().size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("predictions");
            for (ModelPrediction row : p.rows()) {
                if (mlflow) {
                    plain(g, row);
                } else {
                    detailed(g, row);
                }
            }
            g.writeEndArray();
            g.writeStringField("model", p.model());
            g.writeStringField("version", String.valueOf(p.version()));
            if (p.alias() != null) {
                g.writeStringField("alias", p.alias());
            }
            g.writeStringField("route", p.route());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void plain(JsonGenerator g, ModelPrediction row) throws IOException {
        if (row.label() != null) {
            g.writeString(row.label());
        } else if (row.values().size() == 1) {
            g.writeNumber(row.values().values().iterator().next());
        } else {
            numbers(g, row.values());
        }
    }

    private static void detailed(JsonGenerator g, ModelPrediction row) throws IOException {
        g.writeStartObject();
        if (row.label() != null) {
            g.writeStringField("label", row.label());
            g.writeFieldName("scores");
            numbers(g, row.scores());
            g.writeBooleanField("probabilities", row.probabilities());
        } else if (row.values().size() == 1) {
            g.writeNumberField("value", row.values().values().iterator().next());
        } else {
            g.writeFieldName("values");
            numbers(g, row.values());
        }
        g.writeEndObject();
    }

    private static void numbers(JsonGenerator g, Map<String, Double> values) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
