package dev.ballast.tracking.domain.dataset;

import io.micronaut.core.annotation.Nullable;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port for dataset metadata and the index of versions (the content itself is in {@link DatasetRepository}). */
public interface DatasetStore {

    /** Creates a dataset; RESOURCE_ALREADY_EXISTS when the name is taken. */
    Dataset create(String name, @Nullable String description, String owner, String createdBy, long now);

    Optional<Dataset> find(String name);

    Optional<Dataset> findById(long id);

    /** Datasets whose name contains {@code nameContains} (all when null), by name. */
    List<Dataset> list(@Nullable String nameContains, int limit, long offset);

    /** Changes description and/or owner (null leaves a field as it is). */
    void update(long datasetId, @Nullable String description, @Nullable String owner, long now);

    /** Indexes a version that is already committed to git. */
    void insertVersion(DatasetVersion version);

    /** Versions of a dataset, newest first, without profiles. */
    List<DatasetVersion> versions(long datasetId);

    /** One page of a dataset's versions, newest first, without profiles. */
    List<DatasetVersion> versions(long datasetId, int limit, long offset);

    /** The versions (any dataset) with these commit ids, without profiles; ids that are not indexed are left out. */
    List<DatasetVersion> byCommits(Collection<String> commitIds);

    /** The version with this number, or whose commit id starts with this prefix (at least 7 hex digits). */
    Optional<DatasetVersion> version(long datasetId, String numberOrCommit);

    Optional<DatasetVersion> latest(long datasetId);

    Optional<DatasetVersion> byCommit(String commitId);

    /** Versions (any dataset) whose content has this blob digest, newest first. */
    List<DatasetVersion> byDigest(String digest);

    Set<String> commitIds(long datasetId);

    int nextNumber(long datasetId);
}
