package dev.ballast.drift.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one check: a test per feature (KS for numeric, chi-square for categorical, PSI beside each), the
 * multiple-testing correction across the tested features, then the dataset verdict. Features with fewer than
 * {@code minSamples} values on either side are not tested and do not count towards the correction.
 */
public final class DriftAnalyzer {
    private final KsTest ks = new KsTest();

    public DriftReport analyze(List<FeaturePair> features, DriftSettings settings) {
        List<FeatureDrift> results = new ArrayList<>(features.size());
        List<Integer> tested = new ArrayList<>();
        for (FeaturePair pair : features) {
            FeatureDrift r = test(pair, settings);
            if (r.pValue() != null) {
                tested.add(results.size());
            }
            results.add(r);
        }
        double[] p = new double[tested.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = results.get(tested.get(i)).pValue();
        }
        double[] adjusted = settings.correction().adjust(p);
        int drifted = 0;
        for (int i = 0; i < p.length; i++) {
            int at = tested.get(i);
            FeatureDrift r = results.get(at).adjusted(adjusted[i], settings.alpha());
            results.set(at, r);
            if (r.verdict() == DriftVerdict.DRIFT) {
                drifted++;
            }
        }
        int n = tested.size();
        double share = n == 0 ? 0 : drifted / (double) n;
        DriftVerdict verdict = n == 0 ? DriftVerdict.INSUFFICIENT_DATA
                : share >= settings.threshold() ? DriftVerdict.DRIFT : DriftVerdict.NO_DRIFT;
        return new DriftReport(verdict, share, drifted, n, features.size() - n, settings, List.copyOf(results));
    }

    private FeatureDrift test(FeaturePair pair, DriftSettings settings) {
        FeatureSample ref = pair.reference();
        FeatureSample cur = pair.current();
        boolean numeric = ref instanceof FeatureSample.Numeric;
        String test = numeric ? "ks" : "chi_square";
        if (ref.size() < settings.minSamples() || cur.size() < settings.minSamples()) {
            return new FeatureDrift(pair.feature(), test, DriftVerdict.INSUFFICIENT_DATA, ref.size(), cur.size(), ref.dropped(),
                    cur.dropped(), null, null, null, null, null, null);
        }
        if (ref instanceof FeatureSample.Numeric r && cur instanceof FeatureSample.Numeric c) {
            KsResult k = ks.sorted(r.sorted(), c.sorted());
            return new FeatureDrift(pair.feature(), test, DriftVerdict.NO_DRIFT, ref.size(), cur.size(), ref.dropped(), cur.dropped(),
                    k.statistic(), k.pValue(), null, k.method().id(), null, Psi.numeric(r.sorted(), c.sorted(), settings.psiBins()));
        }
        FeatureSample.Categorical r = (FeatureSample.Categorical) ref;
        FeatureSample.Categorical c = (FeatureSample.Categorical) cur;
        ChiSquare.Result x = ChiSquare.test(r.counts(), c.counts());
        return new FeatureDrift(pair.feature(), test, DriftVerdict.NO_DRIFT, ref.size(), cur.size(), ref.dropped(), cur.dropped(),
                x.statistic(), x.pValue(), null, "asymptotic", x.degreesOfFreedom(), Psi.categorical(r.counts(), c.counts()));
    }
}
