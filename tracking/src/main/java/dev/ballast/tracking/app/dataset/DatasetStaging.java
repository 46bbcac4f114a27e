package dev.ballast.tracking.app.dataset;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.tracking.domain.dataset.DatasetRepository;
import dev.ballast.tracking.domain.dataset.DatasetWorkspace;
import dev.ballast.tracking.domain.dataset.scan.DatasetFormat;
import dev.ballast.tracking.domain.dataset.scan.DatasetProfile;
import dev.ballast.tracking.domain.dataset.scan.DatasetScanner;
import dev.ballast.tracking.domain.dataset.scan.DerivedLayout;
import dev.ballast.tracking.domain.dataset.scan.InvalidDatasetException;
import dev.ballast.tracking.domain.dataset.scan.ScanSettings;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns a stream of dataset content into a checked, profiled git blob before anything is
 * committed. The request thread only copies the body to a scratch file; the parser follows the
 * growing file on a second thread (so it never waits for network buffers one at a time), and a
 * third stores it as a git blob while it grows when the length is declared, or once the body
 * has ended otherwise (a blob's header holds its size). Content the parser refuses
 * never reaches a commit; its scratch directory is deleted. The profile is ready when the pass
 * ends; the derived files (sorted columns and row hashes) are sorted from the spilled values
 * (a CSV's row hashes from a re-read of the scratch copy) afterwards, at once
 * ({@link Staged#adoptDerived()}) or in the background ({@link Staged#derivedWork()}), so an
 * upload need not wait for them.
 */
@Singleton
public class DatasetStaging {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetStaging.class);
    private final DatasetRepository repository;
    private final DatasetWorkspace workspace;
    private final DatasetSettings settings;
    private final ExecutorService workers = Executors.newCachedThreadPool(new NamedThreads());

    public DatasetStaging(DatasetRepository repository, DatasetWorkspace workspace, DatasetSettings settings) {
        this.repository = repository;
        this.workspace = workspace;
        this.settings = settings;
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    /**
     * Content ready to commit: its scratch directory, digest (blob id), size, profile, and the derived
     * data still to sort. Close to discard (what was not handed to {@link #derivedWork()}).
     */
    public final class Staged implements AutoCloseable {
        private final Path dir;
        private final String digest;
        private final String sha256;
        private final long size;
        private final DatasetScanner.Profiled scan;
        private boolean handedOff;

        private Staged(Path dir, String digest, String sha256, long size, DatasetScanner.Profiled scan) {
            this.dir = dir;
            this.digest = digest;
            this.sha256 = sha256;
            this.size = size;
            this.scan = scan;
        }

        public String digest() {
            return digest;
        }

        public String sha256() {
            return sha256;
        }

        public long size() {
            return size;
        }

        public DatasetProfile profile() {
            return scan.result().profile();
        }

        /** Sorts the derived files now and moves them into the workspace, for callers that need them at once. */
        public DerivedLayout adoptDerived() {
            try {
                scan.writeDerived();
                scan.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the derived files of " + digest, e);
            }
            return workspace.adopt(dir.resolve("derived"), digest);
        }

        /**
         * Hands the derived data over: the returned task sorts it (re-reading the content copy for
         * a CSV's row hashes), moves it into the workspace and deletes the scratch directory.
         * Closing this afterwards leaves the directory to the task.
         */
        public Runnable derivedWork() {
            handedOff = true;
            return () -> {
                try {
                    adoptDerived();
                } finally {
                    closeScan();
                    workspace.delete(dir);
                }
            };
        }

        @Override
        public void close() {
            if (handedOff) {
                return;
            }
            closeScan();
            workspace.delete(dir);
        }

        private void closeScan() {
            try {
                scan.close();
            } catch (IOException e) {
                LOG.warn("Could not drop the spilled values of {}: {}", digest, e.toString());
            }
        }
    }

    /**
     * Reads {@code content} to its end. {@code declaredSize} (a Content-Length, when known) is
     * checked against the limit before reading. Bad content: INVALID_PARAMETER_VALUE naming the
     * line; too large: REQUEST_TOO_LARGE.
     */
    public Staged stage(InputStream content, DatasetFormat format, @Nullable Long declaredSize) {
        long limit = settings.maxUploadSize();
        if (declaredSize != null && declaredSize > limit) {
            throw tooLarge(limit);
        }
        long started = System.nanoTime();
        long receivedAt = started;
        Path dir = workspace.newScratch();
        Path file = dir.resolve("content");
        GrowingFile growing = new GrowingFile(file);
        AtomicReference<CompletableFuture<DatasetRepository.StoredBlob>> blob = new AtomicReference<>();
        CompletableFuture<DatasetScanner.Profiled> scan = null;
        boolean staged = false;
        try {
            Files.createDirectory(dir.resolve("derived"));
            LimitedCopyInputStream copy;
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (declaredSize != null) {
                    // The length is known, so the blob header is too: hash and store while the body arrives.
                    blob.set(storeBlob(growing, declaredSize));
                }
                scan = CompletableFuture.supplyAsync(() -> profile(growing, format, dir.resolve("derived"), file), workers);
                copy = new LimitedCopyInputStream(content, out, limit, growing::written, size -> {
                    growing.end();
                    if (declaredSize == null) {
                        blob.set(storeBlob(growing, size));
                    }
                });
                try {
                    // This thread only moves bytes from the network to the file; the parser follows the
                    // file on its own thread, so it never waits for the next network buffer.
                    copy.drain(scan::isCompletedExceptionally);
                    receivedAt = System.nanoTime();
                } catch (LimitedCopyInputStream.TooLargeException e) {
                    throw tooLarge(limit);
                }
            }
            DatasetScanner.Profiled scanned = unwrap(scan);
            long scannedAt = System.nanoTime();
            if (declaredSize != null && copy.size() != declaredSize) {
                throw BallastException.invalid("The body has " + copy.size() + " bytes but its Content-Length says " + declaredSize + ".");
            }
            DatasetRepository.StoredBlob stored = unwrap(blob.get());
            Staged ready = new Staged(dir, stored.blobId(), stored.sha256(), copy.size(), scanned);
            LOG.debug("Staged {} bytes ({}): body received after {} ms, scanned after {} ms, blob stored after {} ms",
                    copy.size(), format, (receivedAt - started) / 1_000_000, (scannedAt - started) / 1_000_000,
                    (System.nanoTime() - started) / 1_000_000);
            staged = true;
            return ready;
        } catch (InvalidDatasetException e) {
            throw BallastException.invalid("Invalid " + format.name() + " content: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage dataset content", e);
        } finally {
            if (!staged) {
                growing.abort();
                // Let the parser and the blob writer give up before deleting the file they read.
                for (CompletableFuture<?> task : new CompletableFuture<?>[] {scan, blob.get()}) {
                    if (task != null) {
                        task.exceptionally(t -> null).join();
                    }
                }
                if (scan != null && !scan.isCompletedExceptionally()) {
                    try {
                        scan.join().close();
                    } catch (IOException e) {
                        LOG.warn("Could not drop the spilled values in {}: {}", dir, e.toString());
                    }
                }
                workspace.delete(dir);
            }
        }
    }

    /** Validates and profiles the content as it lands in the growing file; the values to sort stay spilled. */
    private static DatasetScanner.Profiled profile(GrowingFile growing, DatasetFormat format, Path derived, Path file) {
        try (InputStream in = growing.follow()) {
            return DatasetScanner.forDeferredSort(format, derived, ScanSettings.defaults()).profile(in, () -> Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The task's result, or the exception it failed with (not wrapped). */
    private static <T> T unwrap(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private CompletableFuture<DatasetRepository.StoredBlob> storeBlob(GrowingFile growing, long size) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = growing.follow()) {
                return repository.insertBlob(in, size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, workers);
    }

    private static BallastException tooLarge(long limit) {
        return new BallastException(ErrorCode.REQUEST_TOO_LARGE, "Dataset content is larger than the limit of " + limit
                + " bytes (ballast.datasets.max-upload-size).");
    }

    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "dataset-stage-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
