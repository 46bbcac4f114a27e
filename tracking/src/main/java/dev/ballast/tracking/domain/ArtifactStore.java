package dev.ballast.tracking.domain;

import java.io.InputStream;
import java.util.List;

/**
 * The port to where artifact bytes live, addressed by relative, slash-separated paths such as
 * {@code 1/<run id>/artifacts/model/MLmodel}. It exists so the proxy and the tracking API do not
 * care whether files sit on the local disk (the only adapter today) or, later, in an object
 * store. Every implementation validates every path it is given and refuses anything that could
 * name a location outside its root with INVALID_PARAMETER_VALUE; callers never validate.
 */
public interface ArtifactStore {

    /**
     * Stores {@code content} at {@code path}, replacing a file already there. The bytes are
     * streamed, never held whole in memory, and readers see either the old file or the complete
     * new one, never a partial write. Missing parent directories are created.
     */
    void write(String path, InputStream content);

    /**
     * Opens a file for reading. The caller closes the stream. Throws RESOURCE_DOES_NOT_EXIST when
     * nothing is at {@code path} and INVALID_PARAMETER_VALUE when it is a directory.
     */
    Download open(String path);

    /**
     * The entries directly inside directory {@code dir} ({@code ""} or null for the root), named
     * relative to it and sorted by name. Empty when the directory does not exist or is a file, as
     * MLflow answers.
     */
    List<ArtifactFile> list(String dir);

    /** Deletes a file or a whole directory tree; nothing happens when nothing is there. */
    void delete(String path);

    /** An open artifact: its bytes and their length (for Content-Length). */
    record Download(InputStream content, long size, long lastModified) {
    }
}
