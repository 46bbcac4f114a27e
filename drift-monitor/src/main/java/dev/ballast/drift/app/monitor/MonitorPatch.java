package dev.ballast.drift.app.monitor;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * A change to a monitor's settings ({@code PATCH}); each field is null when the request left it out (kept as is).
 * Model, alias and reference are not here: they cannot change, because a monitor's past checks and its time series
 * only mean something against one reference.
 */
public record MonitorPatch(@Nullable FieldChange<Integer> currentRows, @Nullable FieldChange<Integer> currentWindowSeconds,
                           @Nullable FieldChange<List<String>> features, @Nullable FieldChange<Double> alpha,
                           @Nullable FieldChange<String> correction, @Nullable FieldChange<Double> threshold,
                           @Nullable FieldChange<Integer> minSamples, @Nullable FieldChange<Integer> scheduleSeconds,
                           @Nullable FieldChange<String> scheduleCron, @Nullable FieldChange<Boolean> enabled) {
}
