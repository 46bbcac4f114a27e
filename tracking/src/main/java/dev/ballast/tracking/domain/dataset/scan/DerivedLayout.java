package dev.ballast.tracking.domain.dataset.scan;

import java.nio.file.Path;

/**
 * The fixed names of the derived files of one dataset version inside a directory, so the scanner that writes them
 * and whoever reads them later (the differ, the drift monitor) agree without passing names around.
 */
public record DerivedLayout(Path dir) {
    static final String ROW_HASHES = "rows.h64";
    static final String COLUMN_PREFIX = "col-";
    static final String COLUMN_SUFFIX = ".f64";

    /** The sorted 64-bit hashes of all data rows. */
    public Path rowHashes() {
        return dir.resolve(ROW_HASHES);
    }

    /** The sorted finite values of the numeric column at position {@code index} (0-based). */
    public Path column(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("column index must be >= 0: " + index);
        }
        return dir.resolve(COLUMN_PREFIX + index + COLUMN_SUFFIX);
    }
}
