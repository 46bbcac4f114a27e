package dev.ballast.tracking.domain.dataset.scan;

/** The sink of the second pass over a CSV: recounts, as text, the values of the columns marked for recount. */
final class RecountSink implements CsvReader.FieldSink {
    private final ColumnAccumulator[] columns;

    RecountSink(ColumnAccumulator[] columns) {
        this.columns = columns;
    }

    @Override
    public void field(int index, byte[] b, int off, int len) {
        ColumnAccumulator c = columns[index];
        if (c.recount && !FieldClassifier.isMissing(b, off, len)) {
            c.recountValue(b, off, len, ValueHash.hash(b, off, len));
        }
    }

    @Override
    public void endRecord() {
    }
}
