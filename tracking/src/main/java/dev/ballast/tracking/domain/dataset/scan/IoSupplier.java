package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;

/** A supplier that may fail with an IOException; {@link DatasetScanner} uses one to reopen the uploaded bytes. */
@FunctionalInterface
public interface IoSupplier<T> {
    T get() throws IOException;
}
