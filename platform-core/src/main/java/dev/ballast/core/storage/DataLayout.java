package dev.ballast.core.storage;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Ballast keeps files: the data directory ({@code BALLAST_HOME}) with the artifact store
 * and the datasets git repository inside it unless configured elsewhere
 * ({@code ballast.artifacts.root}, {@code ballast.datasets.root}). Created at start so that a
 * missing or unwritable directory fails the start, not the first upload.
 */
@Context
public class DataLayout {
    private static final Logger LOG = LoggerFactory.getLogger(DataLayout.class);

    private final Path home;
    private final Path artifacts;
    private final Path datasets;

    public DataLayout(@Value("${ballast.home:ballast-data}") String home,
                      @Value("${ballast.artifacts.root:}") String artifacts,
                      @Value("${ballast.datasets.root:}") String datasets) {
        this.home = Path.of(home).toAbsolutePath().normalize();
        this.artifacts = artifacts.isBlank() ? this.home.resolve("artifacts") : Path.of(artifacts).toAbsolutePath().normalize();
        this.datasets = datasets.isBlank() ? this.home.resolve("datasets") : Path.of(datasets).toAbsolutePath().normalize();
        for (Path dir : new Path[] {this.home, this.artifacts, this.datasets}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory " + dir, e);
            }
            if (!Files.isWritable(dir)) {
                throw new IllegalStateException("data directory " + dir + " is not writable");
            }
        }
        LOG.info("Data directory {} (artifacts {}, datasets {})", this.home, this.artifacts, this.datasets);
    }

    public Path home() {
        return home;
    }

    public Path artifacts() {
        return artifacts;
    }

    public Path datasets() {
        return datasets;
    }
}
