package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The first pass over a CSV on one thread: feeds every field to its column accumulator. The row hashes are written
 * later, from a re-read ({@link CsvRowHashes}).
 */
final class CsvProfiler implements CsvPass {
    private final ColumnAccumulator[] columns;
    private final FieldClassifier classifier = new FieldClassifier();
    private long rows;

    CsvProfiler(List<String> names, ScanContext context) throws IOException {
        context.expectedStreams = names.size();
        this.columns = new ColumnAccumulator[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new ColumnAccumulator(names.get(i), i, context);
        }
    }

    @Override
    public void field(int index, byte[] b, int off, int len) throws IOException {
        columns[index].csvField(b, off, len, classifier);
    }

    @Override
    public void endRecord() {
        rows++;
    }

    @Override
    public void finish() {
    }

    @Override
    public void close() {
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public List<ColumnAccumulator> columns() {
        return new ArrayList<>(List.of(columns));
    }

    /** The sink of the second pass: recounts, as text, the values of the columns marked for recount. */
    @Override
    public CsvReader.FieldSink recountSink() {
        return new RecountSink(columns);
    }
}
