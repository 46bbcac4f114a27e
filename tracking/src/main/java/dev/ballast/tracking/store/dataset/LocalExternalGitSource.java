package dev.ballast.tracking.store.dataset;

import dev.ballast.core.error.BallastException;
import dev.ballast.tracking.domain.dataset.ExternalGitSource;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads files from git repositories on Ballast's own file system: a path or a {@code file:} URL,
 * bare or with a work tree. Remote URLs are refused (Ballast does not fetch on a user's behalf,
 * which would let API callers make the server connect anywhere). When
 * {@code ballast.datasets.import-roots} lists directories (separated by ':' or ','), only
 * repositories inside them can be read.
 */
@Singleton
public class LocalExternalGitSource implements ExternalGitSource {
    private final List<Path> roots;

    public LocalExternalGitSource(@Value("${ballast.datasets.import-roots:}") String roots) {
        this.roots = Arrays.stream(roots.split("[:,]")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> Path.of(s).toAbsolutePath().normalize()).toList();
    }

    @Override
    public ExternalFile open(String repository, String ref, String path) {
        Path location = localPath(repository);
        File gitDir = RepositoryCache.FileKey.resolve(location.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw BallastException.notFound("No git repository at '" + repository + "'.");
        }
        Repository repo;
        try {
            repo = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
        } catch (RepositoryNotFoundException e) {
            throw BallastException.notFound("No git repository at '" + repository + "'.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean handedOver = false;
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId commitId = resolve(repo, ref);
            RevCommit commit = walk.parseCommit(commitId);
            try (TreeWalk tree = TreeWalk.forPath(repo, path, commit.getTree())) {
                if (tree == null) {
                    throw BallastException.notFound("'" + path + "' does not exist at " + ref + " (" + commit.name() + ") in " + repository + ".");
                }
                int mode = tree.getRawMode(0);
                if (!FileMode.REGULAR_FILE.equals(mode) && !FileMode.EXECUTABLE_FILE.equals(mode)) {
                    throw BallastException.invalid("'" + path + "' at " + ref + " is not a regular file.");
                }
                ObjectId blob = tree.getObjectId(0);
                ObjectLoader loader = repo.open(blob, Constants.OBJ_BLOB);
                InputStream content = new FilterInputStream(loader.openStream()) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            repo.close();
                        }
                    }
                };
                handedOver = true;
                return new ExternalFile(gitDir.getAbsolutePath(), ref, commit.name(), blob.name(), loader.getSize(), content);
            }
        } catch (IOException e) {
            throw BallastException.invalid("Cannot read '" + path + "' at " + ref + " from " + repository + ": " + e.getMessage());
        } finally {
            if (!handedOver) {
                repo.close();
            }
        }
    }

    private static ObjectId resolve(Repository repo, String ref) throws IOException {
        ObjectId id;
        try {
            id = repo.resolve(ref + "^{commit}");
        } catch (RevisionSyntaxException e) {
            throw BallastException.invalid("'" + ref + "' is not a valid git revision.");
        }
        if (id == null) {
            throw BallastException.notFound("No commit, branch or tag '" + ref + "' in the repository.");
        }
        return id;
    }

    /** The repository's directory: an absolute path or a {@code file:} URL, inside the import roots when they are set. */
    Path localPath(String repository) {
        if (repository == null || repository.isBlank()) {
            throw BallastException.invalid("An import needs a 'repository': a local path or file: URL of a git repository.");
        }
        Path path;
        try {
            String lower = repository.toLowerCase(Locale.ROOT);
            if (lower.startsWith("file:")) {
                path = Path.of(URI.create(repository));
            } else if (repository.contains("://") || repository.matches("^[\\w.-]+@[\\w.-]+:.*")) {
                throw BallastException.invalid("Only local repositories can be imported (a path or file: URL); '" + repository
                        + "' is remote. Clone it next to Ballast first.");
            } else {
                path = Path.of(repository);
            }
        } catch (IllegalArgumentException e) {
            throw BallastException.invalid("'" + repository + "' is not a valid path or file: URL.");
        }
        if (!path.isAbsolute()) {
            throw BallastException.invalid("The repository path must be absolute: '" + repository + "'.");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw BallastException.notFound("No git repository at '" + repository + "'.");
        }
        if (!roots.isEmpty() && roots.stream().noneMatch(real::startsWith)) {
            throw BallastException.denied("Imports are limited to repositories under " + roots + " (ballast.datasets.import-roots).");
        }
        if (!Files.isDirectory(real)) {
            throw BallastException.notFound("No git repository at '" + repository + "'.");
        }
        return real;
    }
}
