package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Writes the sorted row hashes ({@code rows.h64}) of a CSV from a second read of its content, once the profile is
 * known. They exist only for row-level diffs, which wait for the derived files anyway, so the upload's pass does not
 * hash every field for them: this re-read runs with the rest of the derived data, after the answer. A row hash chains
 * the value hashes of its fields in column order ({@link XxHash64#MISSING} for a missing token, else
 * {@link ValueHash}), whatever the column's type, so the file is the same as if the first pass had computed it.
 */
final class CsvRowHashes implements CsvReader.FieldSink {
    /** The spill file of the row hashes, apart from the pass's (which may still be open). */
    static final String SPILL_NAME = ".scan-rows.tmp";
    private final SpillStore.Stream out;
    private final int columns;
    private long acc = XxHash64.ROW_SEED;

    private CsvRowHashes(SpillStore.Stream out, int columns) {
        this.out = out;
        this.columns = columns;
    }

    @Override
    public void field(int index, byte[] b, int off, int len) {
        acc = XxHash64.round(acc, FieldClassifier.isMissing(b, off, len) ? XxHash64.MISSING : ValueHash.hash(b, off, len));
    }

    @Override
    public void endRecord() throws IOException {
        out.add(XxHash64.finish(acc, columns));
        acc = XxHash64.ROW_SEED;
    }

    /**
     * Re-reads the content (which must have the header {@code names} and {@code bytes} bytes, as in the first pass)
     * and writes the sorted row hashes into {@code layout}.
     */
    static void write(DerivedLayout layout, ScanSettings settings, IoSupplier<InputStream> content, List<String> names,
                      long bytes) throws IOException {
        try (SpillStore spill = SpillStore.create(layout.dir(), SPILL_NAME); InputStream in = content.get()) {
            CsvReader reader = new CsvReader(in, settings.maxFieldBytes(), settings.maxColumns());
            if (!reader.readHeader().equals(names)) {
                throw new IOException("the re-read content differs from the first read (header changed)");
            }
            SpillStore.Stream hashes = spill.newStream(1);
            CsvRowHashes sink = new CsvRowHashes(hashes, names.size());
            while (reader.readRecord(sink, names.size())) {
                // hashed
            }
            if (reader.bytesRead() != bytes) {
                throw new IOException("the re-read content differs from the first read (" + bytes + " then "
                        + reader.bytesRead() + " bytes)");
            }
            spill.finish();
            SortedFiles.writeRowHashes(layout, settings, hashes);
        }
    }
}
