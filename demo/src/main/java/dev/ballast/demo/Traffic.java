package dev.ballast.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a serving client sends: single predictions and batches of rows to {@code /serving/{model}/predict}. */
public final class Traffic {
    private static final int BATCH = 50;
    private final BallastApi client;
    private final String model;
    private final Console console;

    public Traffic(BallastApi client, String model, Console console) {
        this.client = client;
        this.model = model;
        this.console = console;
    }

    /** One prediction, or null while another version than {@code version} answers. */
    public Double predictOne(Influencer row, String version) {
        JsonNode answer = client.post("/serving/" + BallastApi.encode(model) + "/predict", Map.of("inputs", row.inputs()));
        if (!version.equals(answer.path("version").asText())) {
            return null;
        }
        return answer.path("predictions").path(0).path("value").asDouble();
    }

    /** Sends {@code rows} in batches, with a progress bar. */
    public void send(List<Influencer> rows, String what) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Map<String, Double>> records = new ArrayList<>();
            for (Influencer r : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                records.add(r.inputs());
            }
            JsonNode answer = client.post("/serving/" + BallastApi.encode(model) + "/predict", Map.of("dataframe_records", records));
            if (answer.path("predictions").size() != records.size()) {
                throw new DemoException("asked " + records.size() + " predictions, got: " + answer);
            }
            console.progress(what, Math.min(rows.size(), from + BATCH), rows.size());
        }
    }
}
