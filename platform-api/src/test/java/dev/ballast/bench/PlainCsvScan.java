package dev.ballast.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The "streaming parse" half of the upload baseline: one pass over a CSV file that finds every
 * field and record boundary, honouring quotes, and does nothing else (no validation, no UTF-8
 * check, no numbers, no profile). It is the least work any CSV reader must do, so Ballast's
 * upload is compared with git's hashing plus this.
 */
final class PlainCsvScan {
    private PlainCsvScan() {
    }

    /** Counts records and fields; answers {records, fields}. */
    static long[] scan(Path file) throws IOException {
        long records = 0;
        long fields = 0;
        boolean quoted = false;
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (in.read(buffer) > 0) {
                byte[] b = buffer.array();
                int n = buffer.position();
                for (int i = 0; i < n; i++) {
                    byte c = b[i];
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (!quoted) {
                        if (c == ',') {
                            fields++;
                        } else if (c == '\n') {
                            fields++;
                            records++;
                        }
                    }
                }
                buffer.clear();
            }
        }
        return new long[] {records, fields};
    }
}
