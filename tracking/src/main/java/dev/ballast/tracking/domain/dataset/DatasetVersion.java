package dev.ballast.tracking.domain.dataset;

import dev.ballast.tracking.domain.dataset.scan.DatasetFormat;
import dev.ballast.tracking.domain.dataset.scan.DatasetProfile;
import io.micronaut.core.annotation.Nullable;

/**
 * One version of a dataset. Its id is the git commit id in Ballast's repository and its digest
 * the git blob id of the content (what {@code git hash-object FILE} prints), so both can be
 * checked with plain git; {@code sha256} of the content guards against crafted SHA-1 collisions.
 * {@code number} counts versions of the dataset from 1. The profile is
 * absent when a listing did not ask for it.
 */
public record DatasetVersion(String commitId, long datasetId, String dataset, int number, String digest, String sha256,
                             @Nullable String parentCommit, String message, String author, long creationTime,
                             DatasetFormat format, String path, long sizeBytes, long rows, int columns,
                             @Nullable DatasetProfile profile, DatasetSource source, boolean recovered) {

    public DatasetVersion withProfile(@Nullable DatasetProfile p) {
        return new DatasetVersion(commitId, datasetId, dataset, number, digest, sha256, parentCommit, message, author, creationTime,
                format, path, sizeBytes, rows, columns, p, source, recovered);
    }
}
