package dev.ballast.tracking.domain.dataset;

import io.micronaut.core.annotation.Nullable;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port for the git repository that holds dataset content. Each dataset is a branch
 * ({@code refs/heads/datasets/NAME}) whose commits each hold one file; nothing else writes to it.
 */
public interface DatasetRepository {

    /** The repository's directory, for {@code git --git-dir=...}. */
    Path location();

    /** Stores {@code size} bytes read from {@code content} as a blob, streamed, and returns its ids. */
    StoredBlob insertBlob(InputStream content, long size);

    /** The dataset branch's current commit, if the dataset has any. */
    Optional<CommitInfo> head(String dataset);

    /**
     * Commits the blob as the dataset's only file on top of {@code expectedParent} (null: the first
     * version) and moves the branch; fails with RESOURCE_CONFLICT if the branch moved meanwhile.
     */
    String commit(String dataset, @Nullable String expectedParent, String path, String blobId, String author,
                  String message, Instant when);

    /** Moves the branch back from {@code commit} to {@code previous} (null deletes it), used when indexing a commit failed. */
    void undo(String dataset, String commit, @Nullable String previous);

    /** The commit with its file (RESOURCE_DOES_NOT_EXIST when it is not in the repository). */
    CommitInfo commitInfo(String commitId);

    /** Streams the content of a version's file. */
    Content open(String commitId, String path);

    /** Names of the datasets that have a branch. */
    List<String> datasetNames();

    /** Commits on the dataset's branch, oldest first (first-parent history). */
    List<CommitInfo> history(String dataset);

    /** The commits on the dataset's branch after the newest one in {@code known}, oldest first (all when none is known). */
    List<CommitInfo> newerThan(String dataset, Set<String> known);

    /** Whether the repository holds this commit object. */
    boolean hasCommit(String commitId);

    /** Recomputes the object ids of a version, and its content's SHA-256, from the stored objects. */
    VerifyReport verify(String dataset, String commitId, String path, String expectedDigest, String expectedSha256);

    /** A stored blob: its git id (SHA-1 of the git object) and the SHA-256 of its content. */
    record StoredBlob(String blobId, String sha256) {
    }

    /** A commit of a dataset branch: its file, author and message as git records them. */
    record CommitInfo(String commitId, @Nullable String parent, String path, String blobId, String author,
                      String message, Instant when) {
    }

    /** A file's content as a stream, with its size. */
    record Content(InputStream stream, long size) {
    }

    /** The outcome of {@link #verify}: every check, with what was expected and found. */
    record VerifyReport(boolean ok, String digest, @Nullable String recomputedDigest, List<Check> checks) {
    }

    record Check(String name, boolean ok, String detail) {
    }
}
