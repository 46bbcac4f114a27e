package dev.ballast.tracking.domain.dataset;

import io.micronaut.core.annotation.Nullable;

/**
 * A named dataset: who owns it and what it is for. Its content lives in versions; {@code latestCommit}
 * is the newest one (null before the first upload).
 */
public record Dataset(long id, String name, @Nullable String description, String owner, String createdBy,
                      long creationTime, long lastUpdateTime, int versionCount, @Nullable String latestCommit) {
}
