package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The first pass over a CSV: feeds every field to its column accumulator and chains the value hashes of a record, in
 * column order, into its row hash.
 */
final class CsvProfiler implements CsvPass {
    private final ColumnAccumulator[] columns;
    private final FieldClassifier classifier = new FieldClassifier();
    private final SpillStore.Stream rowHashes;
    private long acc = XxHash64.ROW_SEED;
    private long rows;

    CsvProfiler(List<String> names, ScanContext context) throws IOException {
        context.expectedStreams = names.size() + 1;
        this.columns = new ColumnAccumulator[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new ColumnAccumulator(names.get(i), i, context);
        }
        this.rowHashes = context.newStream();
    }

    @Override
    public void field(int index, byte[] b, int off, int len) throws IOException {
        acc = XxHash64.round(acc, columns[index].csvField(b, off, len, classifier));
    }

    @Override
    public void endRecord() throws IOException {
        rowHashes.add(XxHash64.finish(acc, columns.length));
        acc = XxHash64.ROW_SEED;
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
    public SpillStore.Stream rowHashes() {
        return rowHashes;
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
