package dev.ballast.registry.domain.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened in the registry, as the services that caused it describe it. It is
 * what {@code EventPublisher} writes to the outbox and what webhook receivers get as the
 * {@code data} of the envelope, so the data holds only JSON values: maps with string keys,
 * lists, strings, numbers, booleans and nulls.
 *
 * @param type one of {@link RegistryEventType}'s names, e.g. {@code model_version.created}
 * @param data the event's details (model name, version, alias, reviewer, ...)
 */
public record RegistryEvent(String type, Map<String, Object> data) {

    public RegistryEvent {
        Objects.requireNonNull(type, "type");
        if (type.isBlank() || type.length() > RegistryEventType.MAX_LENGTH) {
            throw new IllegalArgumentException("event type must be 1 to " + RegistryEventType.MAX_LENGTH + " characters: '" + type + "'");
        }
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
