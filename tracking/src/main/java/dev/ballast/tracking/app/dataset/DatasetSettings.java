package dev.ballast.tracking.app.dataset;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.inject.Singleton;

/**
 * Limits of the datasets API: {@code ballast.datasets.max-upload-size}
 * ({@code BALLAST_DATASETS_MAX_UPLOAD_SIZE}, default 8GB, bounded above by
 * {@code ballast.http.max-upload-size}); bigger content is refused with 413 before or while it
 * streams in.
 */
@Singleton
public class DatasetSettings {
    private final long maxUploadSize;

    public DatasetSettings(@Value("${ballast.datasets.max-upload-size:8GB}") @ReadableBytes long maxUploadSize) {
        if (maxUploadSize <= 0) {
            throw new IllegalArgumentException("ballast.datasets.max-upload-size must be positive");
        }
        this.maxUploadSize = maxUploadSize;
    }

    public long maxUploadSize() {
        return maxUploadSize;
    }
}
