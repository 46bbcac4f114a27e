/**
 * Datasets versioned by git hash: a dataset is a named line of commits in Ballast's git
 * repository, a version is one commit whose single file is the dataset's content, and its digest
 * is the git blob id of that file ({@code git hash-object}). Records and ports only; the
 * streaming parser and profiler live in {@code scan}.
 */
package dev.ballast.tracking.domain.dataset;
