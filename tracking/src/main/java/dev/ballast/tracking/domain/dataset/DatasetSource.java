package dev.ballast.tracking.domain.dataset;

import io.micronaut.core.annotation.Nullable;

/**
 * Where a version's content came from: an upload through the API, or a file in an external git
 * repository (repository, the ref asked for, the commit it resolved to, the file path), so the
 * version can be traced back to the engineer's own repository.
 */
public record DatasetSource(String type, @Nullable String repository, @Nullable String ref, @Nullable String commit,
                            @Nullable String path) {
    public static final String UPLOAD = "upload";
    public static final String GIT = "git";

    public static DatasetSource upload() {
        return new DatasetSource(UPLOAD, null, null, null, null);
    }
}
