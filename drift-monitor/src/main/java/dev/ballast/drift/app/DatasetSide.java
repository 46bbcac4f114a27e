package dev.ballast.drift.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.drift.domain.FeatureSample;
import dev.ballast.tracking.app.dataset.DatasetService;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import dev.ballast.tracking.domain.dataset.scan.ColumnProfile;
import dev.ballast.tracking.domain.dataset.scan.SortedColumn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One side of a check read from a dataset version: its numeric columns, each from the sorted derived file
 * {@code col-N.f64} (every finite value, ascending), so nothing is parsed or sorted again. The version is resolved once
 * ({@code latest}, a number or a commit id) and every column is then read from that commit, so a version uploaded
 * during the check cannot mix into it.
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

    /** Names of the numeric columns, in column order. */
    List<String> numericColumns() {
        return version.profile().columns().stream().filter(c -> c.type().numeric()).map(ColumnProfile::name).toList();
    }

    /** The column's finite values; missing and infinite cells count as dropped. */
    FeatureSample.Numeric column(String name) {
        ColumnProfile profile = version.profile().column(name).orElseThrow(() -> BallastException.invalid(
                "Dataset '" + version.dataset() + "' version " + version.number() + " has no column '" + name + "'."));
        try (SortedColumn column = datasets.referenceSample(version.dataset(), version.commitId(), name)) {
            long infinite = profile.numeric() == null ? 0 : profile.numeric().infinite();
            return FeatureSample.Numeric.ofSorted(column.readAll(), profile.missing() + infinite);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
