package dev.ballast.tracking.domain.dataset.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ballast.tracking.domain.dataset.scan.Fixtures.scanCsv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Diffs between two scanned versions: row multisets, schema, statistics and the KS statistic (vs scipy). */
class DatasetDifferTest {
    @TempDir
    Path dir;

    private record Version(DatasetProfile profile, DerivedLayout layout) {
    }

    private Version scan(String name, String csv) throws IOException {
        Path d = dir.resolve(name);
        return new Version(scanCsv(d, csv).profile(), new DerivedLayout(d));
    }

    private static DatasetDiff diff(Version from, Version to) throws IOException {
        return DatasetDiffer.diff(from.profile(), from.layout(), to.profile(), to.layout());
    }

    @Test
    void rowsAreComparedAsMultisets() throws IOException {
        Version v1 = scan("v1", "k,v\nA,1\nB,2\nB,2\nC,3\nD,4\n");
        Version v2 = scan("v2", "k,v\nB,2\nA,1\nC,3\nC,3\nE,5\nB,2\n");
        assertEquals(new RowDelta(5, 6, 2, 1, 4), diff(v1, v2).rows());
        assertEquals(new RowDelta(6, 5, 1, 2, 4), diff(v2, v1).rows());
        assertEquals(new RowDelta(5, 5, 0, 0, 5), diff(v1, v1).rows());
    }

    @Test
    void reorderedAndRequotedRowsAreUnchangedEditedRowsAreNot() throws IOException {
        Version v1 = scan("v1", "a,b\nx,1\ny,2\n\"z,w\",3\n");
        Version v2 = scan("v2", "a,b\r\n\"z,w\",3\r\n\"x\",1\r\ny,2.0\r\n");
        assertEquals(new RowDelta(3, 3, 1, 1, 2), diff(v1, v2).rows());
    }

    @Test
    void rowHashesTellFieldBoundariesAndMissingApart() throws IOException {
        Version v1 = scan("v1", "a,b\nab,c\nx,\n");
        Version v2 = scan("v2", "a,b\na,bc\nx,\"\"\n");
        assertEquals(new RowDelta(2, 2, 1, 1, 1), diff(v1, v2).rows(), "(ab,c) differs from (a,bc); empty and \"\" are both missing");
        Version v3 = scan("v3", "a,b\nab,c\nx,NA\n");
        assertEquals(new RowDelta(2, 2, 0, 0, 2), diff(v1, v3).rows(), "missing tokens hash alike");
        Version v4 = scan("v4", "a,b\nab,c\nx,-\n");
        assertEquals(new RowDelta(2, 2, 1, 1, 1), diff(v1, v4).rows());
    }

    @Test
    void schemaChangesAndColumnStats() throws IOException {
        Version v1 = scan("v1", "id,a,b,c\n1,1.5,x,10\n2,2.5,y,20\n3,,x,30\n4,4.5,z,40\n");
        Version v2 = scan("v2", "id,c,d,a\n1,10,q,1.5\n2,twenty,q,3.5\n3,30,q,\n");
        DatasetDiff d = diff(v1, v2);
        assertEquals(new SchemaDelta(List.of("d"), List.of("b"), List.of(new TypeChange("c", ColumnType.INTEGER, ColumnType.STRING))),
                d.schema());
        assertEquals(List.of("id", "c", "a"), d.columns().stream().map(ColumnDelta::column).toList());

        ColumnDelta a = d.columns().get(2);
        assertEquals(List.of("count", "missing", "missing_rate", "mean", "std", "min", "max", "p1", "p5", "p25", "p50", "p75",
                "p95", "p99"), new ArrayList<>(a.stats().keySet()));
        assertEquals(new StatDelta(3.0, 2.0, -1.0), a.stats().get("count"));
        assertEquals(new StatDelta(0.25, 1.0 / 3, 1.0 / 3 - 0.25), a.stats().get("missing_rate"));
        assertEquals(new StatDelta(2.8333333333333335, 2.5, 2.5 - 2.8333333333333335), a.stats().get("mean"));
        assertEquals(new StatDelta(4.5, 3.5, -1.0), a.stats().get("max"));
        // scipy.stats.ks_2samp([1.5, 2.5, 4.5], [1.5, 3.5]).statistic
        assertEquals(1.0 / 3, a.ksStatistic(), 1e-15);

        ColumnDelta c = d.columns().get(1);
        assertEquals(ColumnType.INTEGER, c.fromType());
        assertEquals(ColumnType.STRING, c.toType());
        assertEquals(List.of("count", "missing", "missing_rate"), new ArrayList<>(c.stats().keySet()));
        assertNull(c.ksStatistic());
    }

    @Test
    void categoricalColumnsCompareDistinctCounts() throws IOException {
        DatasetDiff d = diff(scan("v1", "s\nx\ny\n"), scan("v2", "s\nx\ny\nz\nNA\n"));
        Map<String, StatDelta> s = d.columns().get(0).stats();
        assertEquals(List.of("count", "missing", "missing_rate", "distinct"), new ArrayList<>(s.keySet()));
        assertEquals(new StatDelta(2.0, 3.0, 1.0), s.get("distinct"));
        assertEquals(new StatDelta(0.0, 0.25, 0.25), s.get("missing_rate"));
    }

    /** scipy.stats.ks_2samp on the columns of Fixtures.metricsCsv(5000, 42) and metricsCsv(4000, 7). */
    @Test
    void ksStatisticMatchesScipy() throws IOException {
        Version v1 = scan("v1", Fixtures.metricsCsv(5000, 42));
        Version v2 = scan("v2", Fixtures.metricsCsv(4000, 7));
        DatasetDiff d = diff(v1, v2);
        assertEquals(new RowDelta(5000, 4000, 4000, 5000, 0), d.rows());
        Map<String, Double> ks = new java.util.HashMap<>();
        for (ColumnDelta c : d.columns()) {
            ks.put(c.column(), c.ksStatistic());
        }
        assertEquals(0.0167, ks.get("a"), 1e-12);
        assertEquals(0.018011063676743152, ks.get("b"), 1e-12);
        assertEquals(0.017, ks.get("e"), 1e-12);
        assertNull(ks.get("cat"));
        assertEquals(0.0, diff(v1, v1).columns().get(1).ksStatistic());
    }

    @Test
    void ksIsNullWhenASideHasNoFiniteValue() throws IOException {
        DatasetDiff d = diff(scan("v1", "x\n1\n2\n"), scan("v2", "x\ninf\n"));
        assertNull(d.columns().get(0).ksStatistic());
        assertEquals(new StatDelta(1.5, null, null), d.columns().get(0).stats().get("mean"));
    }

    @Test
    void ksOnTiesAndDisjointSamples() throws IOException {
        // scipy.stats.ks_2samp([0, 0, 1, 2], [0, 2, 2, 2, 3]).statistic == 0.55
        DatasetDiff d = diff(scan("v1", "x\n0\n0\n1\n2\n"), scan("v2", "x\n0\n2\n2\n2\n3\n"));
        assertEquals(0.55, d.columns().get(0).ksStatistic(), 1e-15);
        d = diff(scan("v3", "x\n1\n2\n"), scan("v4", "x\n5\n6\n7\n"));
        assertEquals(1.0, d.columns().get(0).ksStatistic());
        d = diff(scan("v5", "x\n-0.0\n"), scan("v6", "x\n0\n"));
        assertEquals(0.0, d.columns().get(0).ksStatistic(), "-0.0 and 0 are the same value");
    }
}
