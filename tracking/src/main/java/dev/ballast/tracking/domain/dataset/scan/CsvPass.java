package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.util.List;

/**
 * The first pass over a CSV as the scanner drives it, on one thread ({@link CsvProfiler}) or two
 * ({@link ParallelCsvProfiler}): a sink for the records, then the accumulated columns (row hashes are computed
 * later, from a re-read: {@link CsvRowHashes}).
 */
interface CsvPass extends CsvReader.FieldSink, AutoCloseable {
    /** Call after the last record; the results below are complete once it returns. */
    void finish() throws IOException;

    long rows();

    List<ColumnAccumulator> columns();

    /** The sink of the second pass, which recounts as text the columns demoted from numeric. */
    CsvReader.FieldSink recountSink();

    /** Releases what an unfinished pass holds (a thread). */
    @Override
    void close();
}
