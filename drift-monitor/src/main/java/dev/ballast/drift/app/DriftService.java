package dev.ballast.drift.app;

import dev.ballast.core.error.BallastException;
import dev.ballast.drift.domain.DriftAnalyzer;
import dev.ballast.drift.domain.FeaturePair;
import dev.ballast.drift.domain.FeatureSample;
import dev.ballast.tracking.app.dataset.DatasetService;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * On-demand drift checks ({@code POST /api/v1/drift/ks}), for notebooks and CI: builds the samples of both sides from
 * the request's JSON arrays or from dataset versions and runs the analyzer.
 *
 * <p>Which features: those listed in {@code features}, each of which must exist on both sides (numeric in a dataset);
 * otherwise, when both sides are JSON samples, their feature names must be the same (a difference is refused: it is
 * usually a mistake), and when a side is a dataset, the features present on both sides (its numeric columns, and its
 * text and boolean columns with few enough categories for their counts to be in its profile, tested by chi-square).
 */
@Singleton
public class DriftService {
    private final DatasetService datasets;
    private final long maxValues;
    private final DriftAnalyzer analyzer = new DriftAnalyzer();

    public DriftService(DatasetService datasets, @Value("${ballast.drift.max-values:20000000}") long maxValues) {
        this.datasets = datasets;
        this.maxValues = maxValues;
    }

    /** Reads the JSON body and runs the check. */
    public DriftCheck ks(InputStream body) {
        return check(new DriftRequestReader(maxValues).read(body));
    }

    public DriftCheck check(DriftRequest request) {
        DatasetSide refDataset = dataset(request.reference());
        DatasetSide curDataset = dataset(request.current());
        List<String> features = features(request, refDataset, curDataset);
        List<FeaturePair> pairs = new ArrayList<>(features.size());
        for (String f : features) {
            FeatureSample ref = sample(request.reference(), refDataset, f);
            FeatureSample cur = sample(request.current(), curDataset, f);
            if (ref.getClass() != cur.getClass()) {
                throw BallastException.invalid("Feature '" + f + "' is numeric on one side and categorical on the other.");
            }
            pairs.add(new FeaturePair(f, ref, cur));
        }
        return new DriftCheck(analyzer.analyze(pairs, request.settings()), List.copyOf(pairs),
                refDataset == null ? null : refDataset.version(), curDataset == null ? null : curDataset.version());
    }

    private DatasetSide dataset(DriftRequest.Side side) {
        return side instanceof DriftRequest.DatasetRef d ? new DatasetSide(datasets, d.dataset(), d.version()) : null;
    }

    private static List<String> features(DriftRequest request, DatasetSide refDataset, DatasetSide curDataset) {
        Set<String> ref = available(request.reference(), refDataset);
        Set<String> cur = available(request.current(), curDataset);
        if (request.features() != null) {
            for (String f : request.features()) {
                if (!ref.contains(f) || !cur.contains(f)) {
                    String side = !ref.contains(f) ? "reference" : "current";
                    DatasetSide d = side.equals("reference") ? refDataset : curDataset;
                    throw BallastException.invalid("Feature '" + f + "' is not in '" + side + "'"
                            + (d == null ? "." : " (dataset '" + d.version().dataset() + "' version " + d.version().number() + ": "
                            + d.untestable(f) + "; testable columns: " + d.testableColumns() + ")."));
                }
            }
            return request.features();
        }
        if (refDataset == null && curDataset == null && !ref.equals(cur)) {
            Set<String> onlyRef = new LinkedHashSet<>(ref);
            onlyRef.removeAll(cur);
            Set<String> onlyCur = new LinkedHashSet<>(cur);
            onlyCur.removeAll(ref);
            throw BallastException.invalid("The sides have different features: only in reference " + onlyRef + ", only in current "
                    + onlyCur + ". Send the same features, or list the ones to test in 'features'.");
        }
        List<String> both = ref.stream().filter(cur::contains).toList();
        if (both.isEmpty()) {
            throw BallastException.invalid("The sides have no feature in common (reference " + ref + ", current " + cur + ").");
        }
        return both;
    }

    private static Set<String> available(DriftRequest.Side side, DatasetSide dataset) {
        if (side instanceof DriftRequest.Samples s) {
            return new LinkedHashSet<>(s.features().keySet());
        }
        return new LinkedHashSet<>(dataset.testableColumns());
    }

    private static FeatureSample sample(DriftRequest.Side side, DatasetSide dataset, String feature) {
        if (dataset != null) {
            return dataset.column(feature);
        }
        DriftRequest.RawFeature raw = ((DriftRequest.Samples) side).features().get(feature);
        if (raw instanceof DriftRequest.NumericValues n) {
            return FeatureSample.Numeric.of(n.values(), n.length(), n.missing());
        }
        DriftRequest.CategoryValues c = (DriftRequest.CategoryValues) raw;
        return new FeatureSample.Categorical(c.counts(), c.missing());
    }
}
