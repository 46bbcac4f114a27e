package dev.ballast.registry.app.event;

import dev.ballast.registry.domain.event.RegistryEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the JSON body webhooks receive:
 * {@code {"id","type","occurred_at","actor","request_id","data"}}. It is written once, when the
 * event is published, and stored, so every attempt (also after a restart) sends the same bytes.
 */
@Singleton
public class EnvelopeWriter {
    private final ObjectMapper json;

    public EnvelopeWriter(ObjectMapper json) {
        this.json = json;
    }

    public String write(String id, RegistryEvent event, long occurredAt, @Nullable String actor, @Nullable String requestId) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("type", event.type());
        envelope.put("occurred_at", occurredAt);
        envelope.put("actor", actor);
        envelope.put("request_id", requestId);
        envelope.put("data", event.data());
        try {
            return json.writeValueAsString(envelope);
        } catch (IOException e) {
            throw new IllegalArgumentException("event data of '" + event.type() + "' is not JSON: " + e.getMessage(), e);
        }
    }
}
