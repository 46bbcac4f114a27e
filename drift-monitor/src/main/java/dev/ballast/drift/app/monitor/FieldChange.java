package dev.ballast.drift.app.monitor;

import io.micronaut.core.annotation.Nullable;

/**
 * One field of a partial update that the request did send. A field the request left out is a null
 * {@code FieldChange}; a field sent as JSON null is a {@code FieldChange} holding null, which clears it.
 */
public record FieldChange<T>(@Nullable T value) {
}
