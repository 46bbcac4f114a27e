package dev.ballast.drift.app;

import dev.ballast.drift.domain.DriftSettings;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * An on-demand check as read from its JSON body: the two sides, the settings and optionally the features to test.
 *
 * @param features the features to test, or null for "all that both sides have"
 */
public record DriftRequest(Side reference, Side current, DriftSettings settings, @Nullable List<String> features) {

    /** Where one side's values come from. */
    public sealed interface Side permits Samples, DatasetRef {
    }

    /** Values sent in the request, per feature. */
    public record Samples(Map<String, RawFeature> features) implements Side {
    }

    /** A dataset version: its numeric columns' sorted files and its categorical columns' counts are read. */
    public record DatasetRef(String dataset, String version) implements Side {
    }

    /** One feature's values as sent: numbers, or strings (and booleans) as categories. */
    public sealed interface RawFeature permits NumericValues, CategoryValues {
        /** Values sent, nulls included. */
        long sent();
    }

    /** Numbers; {@code values[0..length)} holds them, {@code missing} counts the nulls. */
    public record NumericValues(double[] values, int length, long missing) implements RawFeature {
        @Override
        public long sent() {
            return length + missing;
        }
    }

    /** Category counts; {@code missing} counts the nulls. */
    public record CategoryValues(Map<String, Long> counts, long missing) implements RawFeature {
        @Override
        public long sent() {
            return counts.values().stream().mapToLong(Long::longValue).sum() + missing;
        }
    }
}
