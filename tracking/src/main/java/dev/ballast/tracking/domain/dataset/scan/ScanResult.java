package dev.ballast.tracking.domain.dataset.scan;

/** The outcome of a successful scan: the profile and how many bytes the input had. */
public record ScanResult(DatasetProfile profile, long bytes) {
}
