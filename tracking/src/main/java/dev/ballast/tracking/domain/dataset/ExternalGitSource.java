package dev.ballast.tracking.domain.dataset;

import java.io.InputStream;

/** Port for reading one file at one commit from a git repository outside Ballast (a local path). */
public interface ExternalGitSource {

    /** Resolves {@code ref} (commit, branch or tag) and opens {@code path} in that commit; the caller closes the stream. */
    ExternalFile open(String repository, String ref, String path);

    /** The file found: the repository as resolved, the commit the ref named, the blob id, size and content. */
    record ExternalFile(String repository, String ref, String commitId, String blobId, long size, InputStream content) {
    }
}
