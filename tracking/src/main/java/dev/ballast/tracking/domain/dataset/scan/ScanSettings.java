package dev.ballast.tracking.domain.dataset.scan;

/**
 * Limits and sizes of a scan.
 *
 * @param topValues          how many most frequent values a categorical column reports
 * @param distinctExactLimit distinct values counted exactly per column; beyond, no new value is counted and the
 *                           distinct count becomes a HyperLogLog estimate
 * @param histogramBins      equal-width bins of numeric histograms
 * @param maxFieldBytes      longest CSV field accepted, in bytes after unquoting
 * @param maxColumns         most columns accepted
 * @param sortChunkValues    values sorted in memory at once; longer columns are sorted externally in runs of this size
 */
public record ScanSettings(int topValues, int distinctExactLimit, int histogramBins, int maxFieldBytes, int maxColumns,
                           long sortChunkValues) {
    static final long MIN_DEFAULT_CHUNK = 64L * 1024;
    static final long MAX_DEFAULT_CHUNK = 16L * 1024 * 1024;
    /** Largest chunk accepted: a chunk is one long[] (plus a scratch array of the same size). */
    static final long MAX_CHUNK = Integer.MAX_VALUE - 8;

    public ScanSettings {
        require(topValues >= 0, "topValues must be >= 0");
        require(distinctExactLimit >= 1, "distinctExactLimit must be >= 1");
        require(histogramBins >= 1, "histogramBins must be >= 1");
        require(maxFieldBytes >= 1, "maxFieldBytes must be >= 1");
        require(maxColumns >= 1, "maxColumns must be >= 1");
        require(sortChunkValues >= 2 && sortChunkValues <= MAX_CHUNK, "sortChunkValues must be in [2, " + MAX_CHUNK + "]");
    }

    /**
     * 10 top values, 100,000 exact distinct values, 20 bins, fields up to 1 MiB, 10,000 columns, and a sort chunk of
     * an eighth of the maximum heap in longs (at least 64 Ki values, at most 16 Mi values).
     */
    public static ScanSettings defaults() {
        long chunk = Runtime.getRuntime().maxMemory() / 8 / Long.BYTES;
        chunk = Math.max(MIN_DEFAULT_CHUNK, Math.min(MAX_DEFAULT_CHUNK, chunk));
        return new ScanSettings(10, 100_000, 20, 1 << 20, 10_000, chunk);
    }

    public ScanSettings withTopValues(int value) {
        return new ScanSettings(value, distinctExactLimit, histogramBins, maxFieldBytes, maxColumns, sortChunkValues);
    }

    public ScanSettings withDistinctExactLimit(int value) {
        return new ScanSettings(topValues, value, histogramBins, maxFieldBytes, maxColumns, sortChunkValues);
    }

    public ScanSettings withHistogramBins(int value) {
        return new ScanSettings(topValues, distinctExactLimit, value, maxFieldBytes, maxColumns, sortChunkValues);
    }

    public ScanSettings withMaxFieldBytes(int value) {
        return new ScanSettings(topValues, distinctExactLimit, histogramBins, value, maxColumns, sortChunkValues);
    }

    public ScanSettings withMaxColumns(int value) {
        return new ScanSettings(topValues, distinctExactLimit, histogramBins, maxFieldBytes, value, sortChunkValues);
    }

    public ScanSettings withSortChunkValues(long value) {
        return new ScanSettings(topValues, distinctExactLimit, histogramBins, maxFieldBytes, maxColumns, value);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
