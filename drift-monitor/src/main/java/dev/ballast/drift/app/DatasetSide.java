package dev.ballast.drift.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.drift.domain.FeatureSample;
import dev.ballast.tracking.app.dataset.DatasetService;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import dev.ballast.tracking.domain.dataset.scan.ColumnProfile;
import dev.ballast.tracking.domain.dataset.scan.ColumnType;
import dev.ballast.tracking.domain.dataset.scan.SortedColumn;
import dev.ballast.tracking.domain.dataset.scan.ValueCount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One side of a check read from a dataset version. A numeric column is read from its sorted derived file
 * {@code col-N.f64} (every finite value, ascending), so nothing is parsed or sorted again. A text or boolean column is
 * tested by chi-square on its category counts, which the version's profile already holds when the column has few
 * categories: its most frequent values ({@code top}) with exact counts, complete when they add up to the column's
 * count (at most the profile's top-values setting, 10 by default). A column with more categories is not tested: its
 * counts would need another pass over the data, and a column with that many distinct strings (ids, free text) is rarely
 * a categorical feature. Boolean tokens ({@code True}, {@code TRUE}, ...) count as {@code true} and {@code false}, the
 * categories a JSON sample's booleans give, so a dataset side and an inline side agree.
 *
 * <p>The version is resolved once ({@code latest}, a number or a commit id) and every column is then read from that
 * commit, so a version uploaded during the check cannot mix into it.
 */
final class DatasetSide {
    private final DatasetService datasets;
    private final DatasetVersion version;

    DatasetSide(DatasetService datasets, String dataset, String ref) {
        this.datasets = datasets;
        this.version = datasets.version(dataset, ref);
    }

    DatasetVersion version() {
        return version;
    }

    /** Names of the columns a check can test (numeric ones, and categorical ones with every count known), in column order. */
    List<String> testableColumns() {
        return version.profile().columns().stream().filter(c -> c.type().numeric() || completeCategories(c)).map(ColumnProfile::name)
                .toList();
    }

    /**
     * The column's sample: finite values of a numeric column (missing and infinite cells count as dropped), category
     * counts of a categorical one (missing cells dropped).
     */
    FeatureSample column(String name) {
        ColumnProfile profile = version.profile().column(name).orElseThrow(() -> BallastException.invalid(
                "Dataset '" + version.dataset() + "' version " + version.number() + " has no column '" + name + "'."));
        if (profile.type().categorical()) {
            if (!completeCategories(profile)) {
                throw BallastException.invalid("Dataset '" + version.dataset() + "' version " + version.number() + ": " + untestable(name)
                        + ".");
            }
            return categories(profile);
        }
        try (SortedColumn column = datasets.referenceSample(version.dataset(), version.commitId(), name)) {
            long infinite = profile.numeric() == null ? 0 : profile.numeric().infinite();
            return FeatureSample.Numeric.ofSorted(column.readAll(), profile.missing() + infinite);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the column cannot be tested, for the message that refuses it; null when it can. */
    String untestable(String name) {
        ColumnProfile c = version.profile().column(name).orElse(null);
        if (c == null) {
            return "it has no column '" + name + "'";
        }
        if (c.type().numeric() || completeCategories(c)) {
            return null;
        }
        if (c.type().categorical() && c.categorical() != null) {
            return "column '" + name + "' has " + (c.categorical().approximate() ? "about " : "") + c.categorical().distinct()
                    + " distinct values, more than the " + c.categorical().top().size() + " most frequent ones its profile counts,"
                    + " so it cannot be tested by chi-square";
        }
        return "column '" + name + "' holds no value";
    }

    private static FeatureSample.Categorical categories(ColumnProfile profile) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ValueCount v : profile.categorical().top()) {
            counts.merge(profile.type() == ColumnType.BOOLEAN ? v.value().toLowerCase(Locale.ROOT) : v.value(), v.count(), Long::sum);
        }
        return new FeatureSample.Categorical(counts, profile.missing());
    }

    /** A categorical column whose profile lists every value with its count. */
    private static boolean completeCategories(ColumnProfile c) {
        if (!c.type().categorical() || c.categorical() == null || c.categorical().approximate()) {
            return false;
        }
        long counted = 0;
        for (ValueCount v : c.categorical().top()) {
            counted += v.count();
        }
        return counted == c.count() && c.count() > 0;
    }
}
