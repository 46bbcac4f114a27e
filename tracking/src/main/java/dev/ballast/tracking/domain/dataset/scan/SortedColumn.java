package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reader of a {@code col-<index>.f64} file: every finite value of a numeric column, sorted ascending. It is the
 * reference sample that drift monitoring and dataset diffs compare distributions against, read by position or whole,
 * without the scanner.
 */
public final class SortedColumn implements AutoCloseable {
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private final DerivedFile.Reader reader;

    private SortedColumn(DerivedFile.Reader reader) {
        this.reader = reader;
    }

    /** Opens a column file, checking its magic bytes and that its size matches its count. */
    public static SortedColumn open(Path file) throws IOException {
        return new SortedColumn(new DerivedFile.Reader(file, DerivedFile.DOUBLES));
    }

    /** How many values the file holds. */
    public long count() {
        return reader.count();
    }

    /** The value at {@code index} (0-based) in ascending order. */
    public double get(long index) throws IOException {
        return Double.longBitsToDouble(reader.get(index));
    }

    /** All values in ascending order; refused (IllegalStateException) above {@code Integer.MAX_VALUE - 8} values. */
    public double[] readAll() throws IOException {
        long n = reader.count();
        if (n > MAX_ARRAY) {
            throw new IllegalStateException("column holds " + n + " values, more than one array can hold");
        }
        double[] out = new double[(int) n];
        DerivedFile.Reader.Cursor c = reader.cursor();
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.longBitsToDouble(c.next());
        }
        return out;
    }

    /** Sequential access for merge walks. */
    DerivedFile.Reader.Cursor cursor() {
        return reader.cursor();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
