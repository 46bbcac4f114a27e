package dev.ballast.tracking.domain.dataset;

import dev.ballast.tracking.domain.dataset.scan.DerivedLayout;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Port for the files around dataset content: scratch directories for uploads in progress and the
 * derived data of each content digest (sorted numeric columns, row hashes), which the profile,
 * diff and drift monitor read. Derived data is a cache of what the git blob holds: it can always
 * be rebuilt from the repository.
 */
public interface DatasetWorkspace {

    /** A new empty scratch directory; the caller deletes it with {@link #delete}. */
    Path newScratch();

    /** Deletes a scratch directory and everything in it. */
    void delete(Path scratch);

    /** Makes {@code dir} the derived data of {@code digest} (kept as is when that digest already has derived data). */
    DerivedLayout adopt(Path dir, String digest);

    /** The derived data of {@code digest}, if present. */
    Optional<DerivedLayout> derived(String digest);
}
