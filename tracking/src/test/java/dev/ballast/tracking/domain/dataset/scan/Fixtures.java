package dev.ballast.tracking.domain.dataset.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Deterministic fixture datasets and scan helpers. The generators use a 64-bit LCG and build every number's text from
 * integers, so an offline Python script with the same LCG produced the very same files; the numpy/scipy reference
 * values hard-coded in the tests were computed from those.
 */
final class Fixtures {
    private Fixtures() {
    }

    /** The LCG of the fixtures (Knuth's MMIX constants). */
    static final class Lcg {
        private long state;

        Lcg(long seed) {
            this.state = seed;
        }

        /** The next value in [0, bound). */
        long next(long bound) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            return Long.remainderUnsigned(state >>> 11, bound);
        }
    }

    /** {@code k / 10^scale} written exactly, e.g. (-1234, 3) -> "-1.234". */
    static String decimal(long k, int scale) {
        String sign = k < 0 ? "-" : "";
        long a = Math.abs(k);
        long p = 1;
        for (int i = 0; i < scale; i++) {
            p *= 10;
        }
        StringBuilder frac = new StringBuilder(Long.toString(a % p));
        while (frac.length() < scale) {
            frac.insert(0, '0');
        }
        return sign + (a / p) + "." + frac;
    }

    private static final String[] CATEGORIES = {"red", "green", "blue", "cyan", "magenta", "yellow", "black"};

    /**
     * The "metrics" fixture: id (string), a (integer), b (double, 3 decimals, some NA), c (integer 0..9), flag
     * (boolean spelled three ways), cat (7 strings, skewed), e (doubles with an exponent).
     */
    static String metricsCsv(int rows, long seed) {
        Lcg r = new Lcg(seed);
        StringBuilder sb = new StringBuilder("id,a,b,c,flag,cat,e\n");
        for (int i = 0; i < rows; i++) {
            long a = r.next(2_000_001) - 1_000_000;
            long b = r.next(10) == 0 ? Long.MIN_VALUE : (r.next(1_000_000) - 250_000) * (1 + r.next(3));
            long c = r.next(10);
            long f = r.next(6);
            long cat = Math.min(r.next(7), r.next(7));
            long e = r.next(100_000) + 1;
            sb.append('r').append(String.format("%05d", i)).append(',')
                    .append(a).append(',')
                    .append(b == Long.MIN_VALUE ? "NA" : decimal(b, 3)).append(',')
                    .append(c).append(',')
                    .append(f == 0 ? "True" : f == 1 ? "FALSE" : f < 4 ? "true" : "false").append(',')
                    .append(CATEGORIES[(int) cat]).append(',')
                    .append(decimal(e, 2)).append("e").append(r.next(7) - 3).append('\n');
        }
        return sb.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Scans bytes, counting how often the profile's second pass reopened them (not the re-read that computes a CSV's
     * row hashes with the derived files).
     */
    static ScanResult scan(DatasetFormat format, Path dir, ScanSettings settings, byte[] bytes, AtomicInteger rereads)
            throws IOException {
        boolean[] profiling = {true};
        try (DatasetScanner.Profiled p = new DatasetScanner(format, dir, settings).profile(new ByteArrayInputStream(bytes), () -> {
            if (profiling[0]) {
                rereads.incrementAndGet();
            }
            return new ByteArrayInputStream(bytes);
        })) {
            profiling[0] = false;
            p.writeDerived();
            return p.result();
        }
    }

    static ScanResult scan(DatasetFormat format, Path dir, ScanSettings settings, byte[] bytes) throws IOException {
        return scan(format, dir, settings, bytes, new AtomicInteger());
    }

    static ScanResult scanCsv(Path dir, String csv) throws IOException {
        return scan(DatasetFormat.CSV, dir, ScanSettings.defaults(), utf8(csv));
    }

    static ScanResult scanJsonl(Path dir, String jsonl) throws IOException {
        return scan(DatasetFormat.JSONL, dir, ScanSettings.defaults(), utf8(jsonl));
    }

    /** A stream that hands out at most {@code chunk} bytes per read, to cross buffer boundaries everywhere. */
    static InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    static List<String> fileNames(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] readColumn(Path file) throws IOException {
        try (SortedColumn c = SortedColumn.open(file)) {
            return c.readAll();
        }
    }
}
