package dev.ballast.registry.app.serving;

import dev.ballast.registry.domain.serving.TrafficPolicy;
import io.micronaut.core.annotation.Nullable;

/**
 * What a serving endpoint ({@code model@alias}) answers with right now: the version behind the
 * alias, and the candidate of the model's traffic policy. Replaced as a whole on every change,
 * never mutated, so a request reads one consistent state.
 *
 * @param candidate      the canary or shadow version, loaded; null when none or not loadable
 * @param pendingVersion a version the alias moved to that failed to load (the primary keeps serving)
 * @param loadError      why the pending version or the candidate could not be loaded
 */
public record Endpoint(String model, long modelId, String alias, LoadedVersion primary, TrafficPolicy policy,
                       @Nullable LoadedVersion candidate, @Nullable Integer pendingVersion, @Nullable String loadError,
                       long switchedAt) {
}
