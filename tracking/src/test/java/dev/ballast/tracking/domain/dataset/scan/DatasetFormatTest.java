package dev.ballast.tracking.domain.dataset.scan;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatasetFormatTest {
    @Test
    void parsesNamesExtensionsAndFileNames() {
        assertEquals(Optional.of(DatasetFormat.CSV), DatasetFormat.parse("csv"));
        assertEquals(Optional.of(DatasetFormat.CSV), DatasetFormat.parse("CSV"));
        assertEquals(Optional.of(DatasetFormat.CSV), DatasetFormat.parse(".csv"));
        assertEquals(Optional.of(DatasetFormat.CSV), DatasetFormat.parse("train.Csv"));
        for (String s : new String[] {"jsonl", "JSONL", "ndjson", "NDJSON", "json-lines", "Json-Lines", "data.ndjson"}) {
            assertEquals(Optional.of(DatasetFormat.JSONL), DatasetFormat.parse(s), s);
        }
        for (String s : new String[] {"json", "parquet", "", "csv.gz", "tsv"}) {
            assertEquals(Optional.empty(), DatasetFormat.parse(s), s);
        }
        assertEquals(Optional.empty(), DatasetFormat.parse(null));
    }

    @Test
    void extensionAndMediaType() {
        assertEquals("csv", DatasetFormat.CSV.extension());
        assertEquals("text/csv", DatasetFormat.CSV.mediaType());
        assertEquals("jsonl", DatasetFormat.JSONL.extension());
        assertEquals("application/x-ndjson", DatasetFormat.JSONL.mediaType());
    }

    @Test
    void settingsDefaultsAndValidation() {
        ScanSettings d = ScanSettings.defaults();
        assertEquals(10, d.topValues());
        assertEquals(100_000, d.distinctExactLimit());
        assertEquals(20, d.histogramBins());
        assertEquals(1 << 20, d.maxFieldBytes());
        assertEquals(10_000, d.maxColumns());
        long expected = Math.max(64 * 1024, Math.min(16L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8 / 8));
        assertEquals(expected, d.sortChunkValues());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> d.withHistogramBins(0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> d.withSortChunkValues(1));
    }
}
