package dev.ballast.tracking.domain;

/**
 * One entry of an artifact listing, as MLflow's {@code FileInfo} describes it: a path (relative
 * to whatever was listed, or to the run's artifact root), whether it is a directory, and the
 * size in bytes of a file ({@code null} for directories, which MLflow reports without a size).
 */
public record ArtifactFile(String path, boolean isDir, Long fileSize) {

    public static ArtifactFile file(String path, long size) {
        return new ArtifactFile(path, false, size);
    }

    public static ArtifactFile directory(String path) {
        return new ArtifactFile(path, true, null);
    }

    /** The same entry under another name (a listing relative to a run root instead of a directory). */
    public ArtifactFile withPath(String newPath) {
        return new ArtifactFile(newPath, isDir, fileSize);
    }
}
