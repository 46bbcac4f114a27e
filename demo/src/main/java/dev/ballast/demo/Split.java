package dev.ballast.demo;

import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded 80/20 split of the influencer table into Tribuo datasets whose feature and output names are the CSV's
 * columns, so that Ballast can serve the model with those names and retrain it from a newer version of the same CSV.
 */
public record Split(MutableDataset<Regressor> train, List<Influencer> holdout) {

    public static Split of(List<Influencer> rows, long seed, String description) {
        List<Influencer> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        int cut = (int) Math.round(shuffled.size() * 0.8);
        return new Split(dataset(shuffled.subList(0, cut), description), List.copyOf(shuffled.subList(cut, shuffled.size())));
    }

    static MutableDataset<Regressor> dataset(List<Influencer> rows, String description) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        for (Influencer r : rows) {
            data.add(new ArrayExample<>(new Regressor(Influencer.TARGET, r.nextMonthViewsK()), Influencer.FEATURES, r.features()));
        }
        return data;
    }
}
