package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Validates and profiles an uploaded dataset in one streaming pass, and leaves its derived files (sorted numeric
 * columns, sorted row hashes; see {@link DerivedLayout}) in a work directory. Parsing is byte-level over a reusable
 * buffer; values to sort are spilled to disk and sorted afterwards, so the heap needed does not depend on the size of
 * the file. A second pass over the same bytes happens during {@link #profile} only when a column that looked numeric
 * turns out to hold strings: its categorical statistics must then count all its values as text. A CSV's row hashes
 * (only diffs use them) are not computed by the pass but by {@link Profiled#writeDerived()}, from one more re-read
 * ({@link CsvRowHashes}), so that an upload does not wait for them.
 *
 * <p>The statistics do not need the sorted files: quantiles are selected ({@link ColumnStatistics}), so
 * {@link #profile} answers before any sort and {@link DatasetScanner.Profiled#writeDerived()} sorts later, possibly on
 * another thread; {@link #scan} does both. With two processors or more, a CSV's columns are profiled on two threads
 * ({@link ParallelCsvProfiler}, same results); JSON Lines are parsed on one. With two processors or more (and unless made
 * {@link #forDeferredSort}), a background thread sorts the spilled values in pieces while the pass goes on (within the
 * heap share of the sort arrays, see {@link SpillStore}), so that the sort only merges sorted pieces; the spilled
 * streams are sorted on up to two threads when the heap allows it. One instance scans one dataset at a time; it does
 * not close the streams it is given.
 */
public final class DatasetScanner {
    private final DatasetFormat format;
    private final Path workDir;
    private final ScanSettings settings;
    /** Values per presorted piece: 2 MiB arrays, which the radix sort handles within the caches. */
    static final int PIECE_VALUES = 1 << 18;
    private final int pieceValues;
    /** Whether a CSV's columns are profiled on two threads ({@link ParallelCsvProfiler}). */
    private final boolean parallel;

    public DatasetScanner(DatasetFormat format, Path workDir, ScanSettings settings) {
        this(format, workDir, settings, MULTICORE ? PIECE_VALUES : 0, MULTICORE);
    }

    private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() >= 2;

    /**
     * A scanner for callers that write the derived files later ({@link #profile}, then {@link Profiled#writeDerived()}
     * off the critical path): it does not presort during the pass, which would spend the processors the pass needs on
     * work that can wait.
     */
    public static DatasetScanner forDeferredSort(DatasetFormat format, Path workDir, ScanSettings settings) {
        return new DatasetScanner(format, workDir, settings, 0, MULTICORE);
    }

    /** With pieces of {@code pieceValues} values sorted in the background during the pass (0: no presorting). */
    DatasetScanner(DatasetFormat format, Path workDir, ScanSettings settings, int pieceValues) {
        this(format, workDir, settings, pieceValues, MULTICORE);
    }

    /** As above, and with the columns of a CSV profiled on two threads or one. */
    DatasetScanner(DatasetFormat format, Path workDir, ScanSettings settings, int pieceValues, boolean parallel) {
        this.format = Objects.requireNonNull(format, "format");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pieceValues = pieceValues;
        this.parallel = parallel;
    }

    /**
     * Reads {@code in} to its end once (never holding the whole content in memory), validates, profiles and writes
     * the derived files into the work directory (created if needed), which then holds only those files.
     *
     * @param reread reopens the same bytes from the start; called when a second pass is needed, and for a CSV's row
     *               hashes
     * @throws InvalidDatasetException when the content is not a valid dataset of the format (the work directory is
     *                                 then left without any file of this scan)
     */
    public ScanResult scan(InputStream in, IoSupplier<InputStream> reread) throws IOException {
        try (Profiled profiled = profile(in, reread)) {
            profiled.writeDerived();
            return profiled.result();
        }
    }

    /**
     * Like {@link #scan} but stops once the profile is known: the derived files are written by
     * {@link Profiled#writeDerived()}, which may run later and on another thread, or never ({@link Profiled#close()}
     * then drops the spilled values). Statistics do not need the sorted files, so the caller can answer first.
     */
    public Profiled profile(InputStream in, IoSupplier<InputStream> reread) throws IOException {
        Files.createDirectories(workDir);
        DerivedLayout layout = new DerivedLayout(workDir);
        // the pieces use, during the pass, the heap share that the sort arrays use after it
        SpillStore spill = pieceValues > 0
                ? SpillStore.create(workDir, pieceValues, settings.sortChunkValues(), Runtime.getRuntime().maxMemory() / 4)
                : SpillStore.create(workDir);
        Profiled profiled = new Profiled(spill, new DerivedDataWriter(layout, settings), reread);
        boolean ok = false;
        try {
            ScanContext context = new ScanContext(settings, spill, MemoryBudget.forHeap());
            if (format == DatasetFormat.CSV) {
                scanCsv(in, reread, context, profiled);
            } else {
                scanJsonLines(in, reread, context, profiled);
            }
            ok = true;
            return profiled;
        } finally {
            if (!ok) {
                profiled.close();
            }
        }
    }

    /**
     * A dataset validated and profiled, whose spilled values wait to be sorted into the derived files. Close it
     * after {@link #writeDerived()}, or instead of it to drop everything but the profile.
     */
    public final class Profiled implements AutoCloseable {
        private final SpillStore spill;
        private final DerivedDataWriter writer;
        private final IoSupplier<InputStream> reread;
        private ScanResult result;
        private DerivedDataWriter.RowHashWriter rowHashes;
        private List<ColumnAccumulator> columns;
        private boolean written;

        private Profiled(SpillStore spill, DerivedDataWriter writer, IoSupplier<InputStream> reread) {
            this.spill = spill;
            this.writer = writer;
            this.reread = reread;
        }

        /** A JSON Lines pass: its row hashes were spilled during the pass. */
        private void ready(long rows, long bytes, SpillStore.Stream rowHashes, List<ColumnAccumulator> columns)
                throws IOException {
            ready(rows, bytes, l -> SortedFiles.writeRowHashes(l, settings, rowHashes), columns);
        }

        /** A CSV pass: its row hashes are computed from a re-read of the content by {@link #writeDerived()}. */
        private void ready(long rows, long bytes, List<String> names, List<ColumnAccumulator> columns)
                throws IOException {
            ready(rows, bytes, l -> CsvRowHashes.write(l, settings, reread, names, bytes), columns);
        }

        private void ready(long rows, long bytes, DerivedDataWriter.RowHashWriter rowHashes,
                           List<ColumnAccumulator> columns) throws IOException {
            spill.finish();
            this.rowHashes = rowHashes;
            this.columns = columns;
            this.result = new ScanResult(writer.profile(rows, columns), bytes);
        }

        public ScanResult result() {
            return result;
        }

        /**
         * Sorts the spilled values into the derived files of the work directory; for a CSV, re-reads the content (with
         * the {@code reread} given to {@link #profile}) to compute the row hashes.
         */
        public void writeDerived() throws IOException {
            writer.writeFiles(rowHashes, result.profile().rows(), columns);
            written = true;
        }

        /** Deletes the spill file, and the derived files too unless {@link #writeDerived()} completed. */
        @Override
        public void close() throws IOException {
            try {
                spill.close();
            } finally {
                if (!written) {
                    deleteDerived(workDir);
                }
            }
        }
    }

    private void scanCsv(InputStream in, IoSupplier<InputStream> reread, ScanContext context, Profiled out)
            throws IOException {
        CsvReader reader = new CsvReader(in, settings.maxFieldBytes(), settings.maxColumns());
        List<String> names = reader.readHeader();
        try (CsvPass profiler = parallel && names.size() > 1 && names.size() <= ParallelCsvProfiler.MAX_COLUMNS
                ? new ParallelCsvProfiler(names, context) : new CsvProfiler(names, context)) {
            while (reader.readRecord(profiler, names.size())) {
                // each record went to the profiler
            }
            profiler.finish();
            recountAndFinish(reader, names, profiler, reread, out);
        }
    }

    private void recountAndFinish(CsvReader reader, List<String> names, CsvPass profiler,
                                  IoSupplier<InputStream> reread, Profiled out) throws IOException {
        long bytes = reader.bytesRead();
        if (needsRecount(profiler.columns())) {
            try (InputStream again = reread.get()) {
                CsvReader second = new CsvReader(again, settings.maxFieldBytes(), settings.maxColumns());
                List<String> namesAgain = second.readHeader();
                if (!namesAgain.equals(names)) {
                    throw new IOException("the re-read content differs from the first read (header changed)");
                }
                CsvReader.FieldSink sink = profiler.recountSink();
                while (second.readRecord(sink, names.size())) {
                    // recounted
                }
                checkSameLength(bytes, second.bytesRead());
            }
        }
        out.ready(profiler.rows(), bytes, names, profiler.columns());
    }

    private void scanJsonLines(InputStream in, IoSupplier<InputStream> reread, ScanContext context, Profiled out)
            throws IOException {
        JsonLinesReader reader = new JsonLinesReader(in);
        reader.start();
        JsonProfiler profiler = new JsonProfiler(context);
        while (reader.readRow(profiler)) {
            // each row went to the profiler
        }
        long bytes = reader.bytesRead();
        if (needsRecount(profiler.columns())) {
            try (InputStream again = reread.get()) {
                JsonLinesReader second = new JsonLinesReader(again);
                second.start();
                JsonLinesReader.RowSink sink = profiler.recountSink();
                while (second.readRow(sink)) {
                    // recounted
                }
                checkSameLength(bytes, second.bytesRead());
            }
        }
        out.ready(profiler.rows(), bytes, profiler.rowHashes(), profiler.columns());
    }

    private static boolean needsRecount(List<ColumnAccumulator> columns) {
        for (ColumnAccumulator c : columns) {
            if (c.recount) {
                return true;
            }
        }
        return false;
    }

    private static void checkSameLength(long first, long second) throws IOException {
        if (first != second) {
            throw new IOException("the re-read content differs from the first read (" + first + " then " + second + " bytes)");
        }
    }

    /** Removes what a failed scan left: spill and run files, and the derived files written so far. */
    private static void deleteDerived(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (name.equals(DerivedLayout.ROW_HASHES) || name.startsWith(".scan-")
                        || (name.startsWith(DerivedLayout.COLUMN_PREFIX) && name.endsWith(DerivedLayout.COLUMN_SUFFIX))) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
