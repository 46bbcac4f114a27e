package dev.ballast.tracking.domain.dataset.scan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two scanned versions of a dataset from their profiles and derived files: rows as multisets of row hashes,
 * the schema by column name, the statistics of the columns both versions have, and the Kolmogorov–Smirnov statistic of
 * numeric columns, each by a streaming merge walk over the sorted files.
 */
public final class DatasetDiffer {
    private DatasetDiffer() {
    }

    public static DatasetDiff diff(DatasetProfile from, DerivedLayout fromData, DatasetProfile to, DerivedLayout toData)
            throws IOException {
        RowDelta rows = rows(from, fromData, to, toData);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<TypeChange> typeChanges = new ArrayList<>();
        List<ColumnDelta> columns = new ArrayList<>();
        for (ColumnProfile t : to.columns()) {
            if (from.column(t.name()).isEmpty()) {
                added.add(t.name());
            }
        }
        for (ColumnProfile f : from.columns()) {
            if (to.column(f.name()).isEmpty()) {
                removed.add(f.name());
            }
        }
        for (ColumnProfile t : to.columns()) {
            ColumnProfile f = from.column(t.name()).orElse(null);
            if (f == null) {
                continue;
            }
            if (f.type() != t.type()) {
                typeChanges.add(new TypeChange(t.name(), f.type(), t.type()));
            }
            columns.add(column(from.rows(), f, fromData, to.rows(), t, toData));
        }
        return new DatasetDiff(rows, new SchemaDelta(added, removed, typeChanges), columns);
    }

    private static RowDelta rows(DatasetProfile from, DerivedLayout fromData, DatasetProfile to, DerivedLayout toData)
            throws IOException {
        try (DerivedFile.Reader a = new DerivedFile.Reader(fromData.rowHashes(), DerivedFile.HASHES);
             DerivedFile.Reader b = new DerivedFile.Reader(toData.rowHashes(), DerivedFile.HASHES)) {
            long common = MergeWalks.commonRows(a.cursor(), b.cursor());
            return new RowDelta(a.count(), b.count(), b.count() - common, a.count() - common, common);
        }
    }

    private static ColumnDelta column(long fromRows, ColumnProfile f, DerivedLayout fromData,
                                      long toRows, ColumnProfile t, DerivedLayout toData) throws IOException {
        Map<String, StatDelta> stats = new LinkedHashMap<>();
        stats.put("count", StatDelta.of((double) f.count(), (double) t.count()));
        stats.put("missing", StatDelta.of((double) f.missing(), (double) t.missing()));
        stats.put("missing_rate", StatDelta.of(rate(f.missing(), fromRows), rate(t.missing(), toRows)));
        Double ks = null;
        if (f.type().numeric() && t.type().numeric()) {
            NumericStats a = f.numeric();
            NumericStats b = t.numeric();
            stats.put("mean", StatDelta.of(a == null ? null : a.mean(), b == null ? null : b.mean()));
            stats.put("std", StatDelta.of(a == null ? null : a.std(), b == null ? null : b.std()));
            stats.put("min", StatDelta.of(a == null ? null : a.min(), b == null ? null : b.min()));
            stats.put("max", StatDelta.of(a == null ? null : a.max(), b == null ? null : b.max()));
            for (String key : NumericSummary.KEYS) {
                stats.put(key, StatDelta.of(a == null ? null : a.quantiles().get(key), b == null ? null : b.quantiles().get(key)));
            }
            if (f.count() > 0 && t.count() > 0) {
                ks = ks(fromData.column(f.index()), toData.column(t.index()));
            }
        } else if (f.type().categorical() && t.type().categorical()) {
            stats.put("distinct", StatDelta.of(distinct(f), distinct(t)));
        }
        return new ColumnDelta(t.name(), f.type(), t.type(), stats, ks);
    }

    private static Double ks(java.nio.file.Path a, java.nio.file.Path b) throws IOException {
        try (SortedColumn x = SortedColumn.open(a); SortedColumn y = SortedColumn.open(b)) {
            if (x.count() == 0 || y.count() == 0) {
                return null;
            }
            return MergeWalks.ksStatistic(x.cursor(), x.count(), y.cursor(), y.count());
        }
    }

    private static Double rate(long missing, long rows) {
        return rows == 0 ? null : (double) missing / rows;
    }

    private static Double distinct(ColumnProfile c) {
        return c.categorical() == null ? null : (double) c.categorical().distinct();
    }
}
