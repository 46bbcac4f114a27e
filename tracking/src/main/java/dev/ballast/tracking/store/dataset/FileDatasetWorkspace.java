package dev.ballast.tracking.store.dataset;

import dev.ballast.core.storage.DataLayout;
import dev.ballast.tracking.domain.dataset.DatasetWorkspace;
import dev.ballast.tracking.domain.dataset.scan.DerivedLayout;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@link DatasetWorkspace} in the datasets directory: {@code tmp/} for uploads in progress
 * (emptied at start, since nothing survives a restart half-done) and {@code derived/<digest>/}.
 * A finished directory is renamed into place atomically, so a reader never sees half of it.
 */
@Singleton
public class FileDatasetWorkspace implements DatasetWorkspace {
    private static final Logger LOG = LoggerFactory.getLogger(FileDatasetWorkspace.class);
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{40}");

    private final Path scratch;
    private final Path derived;

    public FileDatasetWorkspace(DataLayout layout) {
        this.scratch = layout.datasets().resolve("tmp");
        this.derived = layout.datasets().resolve("derived");
        try {
            if (Files.exists(scratch)) {
                deleteTree(scratch);
                LOG.debug("Removed unfinished uploads in {}", scratch);
            }
            Files.createDirectories(scratch);
            Files.createDirectories(derived);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + layout.datasets(), e);
        }
    }

    @Override
    public Path newScratch() {
        try {
            return Files.createDirectory(scratch.resolve(UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }

    @Override
    public DerivedLayout adopt(Path dir, String digest) {
        Path target = derived.resolve(requireDigest(digest));
        try {
            if (!Files.exists(target)) {
                Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another upload of the same content got there first; its data is identical.
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("the datasets directory must be on one file system", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DerivedLayout(target);
    }

    @Override
    public Optional<DerivedLayout> derived(String digest) {
        Path dir = derived.resolve(requireDigest(digest));
        return Files.isDirectory(dir) ? Optional.of(new DerivedLayout(dir)) : Optional.empty();
    }

    private static String requireDigest(String digest) {
        if (!DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("not a blob id: " + digest);
        }
        return digest;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
