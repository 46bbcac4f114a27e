package dev.ballast.demo;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfluencerDataTest {

    @Test
    void theSameSeedGivesTheSameTableAndAnotherSeedAnother() {
        assertEquals(InfluencerData.csv(InfluencerData.generate(7, 300)), InfluencerData.csv(InfluencerData.generate(7, 300)));
        assertNotEquals(InfluencerData.csv(InfluencerData.generate(7, 300)), InfluencerData.csv(InfluencerData.generate(8, 300)));
    }

    @Test
    void csvHasTheFeatureColumnsThenTheTargetAndOneLinePerRow() {
        String[] lines = InfluencerData.csv(InfluencerData.generate(1, 50)).split("\n");
        assertEquals("followers_k,views_k,engagement_rate,posts_per_week,avg_likes_k,avg_comments,growth_6m,next_month_views_k", lines[0]);
        assertEquals(51, lines.length);
        assertEquals(8, lines[1].split(",").length);
    }

    @Test
    void nextMonthsViewsFollowThisMonthsAndGrowthAndSomeAccountsBoughtFollowers() {
        List<Influencer> rows = InfluencerData.generate(42, 5000);
        double[] views = rows.stream().mapToDouble(Influencer::viewsK).toArray();
        double[] next = rows.stream().mapToDouble(Influencer::nextMonthViewsK).toArray();
        assertTrue(correlation(views, next) > 0.95, "next month's views track this month's");
        double[] engagement = rows.stream().mapToDouble(Influencer::engagementRate).toArray();
        double[] growth = rows.stream().mapToDouble(Influencer::growth6m).toArray();
        assertTrue(correlation(engagement, growth) > 0.5, "engaged accounts grow");
        long bought = rows.stream().filter(Influencer::anomalous).count();
        assertTrue(bought > 50 && bought < 200, "about 2 % bought followers: " + bought);
        assertTrue(rows.stream().filter(Influencer::anomalous).allMatch(r -> r.engagementRate() < 0.5));
    }

    @Test
    void theShiftedMonthHasHigherEngagementAndViews() {
        List<Influencer> before = InfluencerData.generate(3, 3000);
        List<Influencer> after = InfluencerData.shifted(3, 3000, 3.0);
        assertTrue(mean(after, Influencer::engagementRate) > mean(before, Influencer::engagementRate) + 2.5);
        assertTrue(mean(after, Influencer::viewsK) > mean(before, Influencer::viewsK) * 1.1);
    }

    @Test
    void metricsOfAPerfectAndOfAnOffsetPrediction() {
        RegressionMetrics perfect = RegressionMetrics.of(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4});
        assertEquals(1.0, perfect.r2(), 1e-12);
        assertEquals(0.0, perfect.mape(), 1e-12);
        RegressionMetrics off = RegressionMetrics.of(new double[] {10, 20, 30, 40}, new double[] {11, 22, 33, 44});
        assertEquals(2.5, off.mae(), 1e-12);
        assertEquals(Math.sqrt(7.5), off.rmse(), 1e-12);
        assertEquals(0.1, off.mape(), 1e-12);
        assertEquals(1 - 30.0 / 500.0, off.r2(), 1e-12);
        assertTrue(!off.meetsTargets(), "mape of exactly 10 % misses 'mape < 10 %'");
    }

    private static double mean(List<Influencer> rows, java.util.function.ToDoubleFunction<Influencer> f) {
        return rows.stream().mapToDouble(f).average().orElseThrow();
    }

    private static double correlation(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
