/**
 * One-pass validation and profiling of uploaded datasets (CSV and JSON Lines).
 *
 * <p>{@link dev.ballast.tracking.domain.dataset.scan.DatasetScanner} reads an upload once, with byte-level
 * parsing over a reusable buffer, refuses malformed content with the physical line at fault
 * ({@link dev.ballast.tracking.domain.dataset.scan.InvalidDatasetException}), infers a type per column and
 * computes exact statistics (numpy-compatible quantiles and histograms, exact or HyperLogLog distinct
 * counts). Alongside the profile it leaves derived files in a work directory
 * ({@link dev.ballast.tracking.domain.dataset.scan.DerivedLayout}): one sorted file of every finite value per
 * numeric column, the reference sample of the drift monitor, and the sorted hashes of all rows. Values are
 * spilled to disk during the pass (in pieces that a background thread sorts meanwhile, when
 * a second processor and the heap allow it) and sorted afterwards (in memory or by an external merge sort), so the
 * heap needed does not grow with the size of the dataset.
 *
 * <p>{@link dev.ballast.tracking.domain.dataset.scan.DatasetDiffer} compares two scanned versions: rows as
 * multisets of row hashes, the schema, per-column statistics and the two-sample Kolmogorov–Smirnov statistic
 * of numeric columns, all by streaming merge walks over the derived files.
 *
 * <p>The package is pure Java: no storage, database or HTTP here.
 */
package dev.ballast.tracking.domain.dataset.scan;
