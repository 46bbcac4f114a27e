package dev.ballast.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The synthetic influencer table, reproducible for a seed. Audience follows a log-normal; views grow with followers,
 * engagement and posting; likes and comments follow engagement; six-month growth rises with engagement and posting;
 * next month's views are this month's grown by half the six-month growth rate, with 4 % noise. About 2 % of accounts
 * bought followers: many followers, few views, almost no engagement. {@link #shifted} draws the same population after
 * engagement and views moved up, the drift the demo's monitor should catch.
 */
public final class InfluencerData {
    private InfluencerData() {
    }

    /** {@code rows} influencers drawn with {@code seed}. */
    public static List<Influencer> generate(long seed, int rows) {
        return draw(new SplittableRandom(seed), rows, 0);
    }

    /** {@code rows} influencers after a shift: engagement up by {@code lift} percent points, views up with it. */
    public static List<Influencer> shifted(long seed, int rows, double lift) {
        return draw(new SplittableRandom(seed), rows, lift);
    }

    private static List<Influencer> draw(SplittableRandom random, int rows, double lift) {
        List<Influencer> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            boolean bought = random.nextDouble() < 0.02;
            double followers = clamp(Math.exp(Math.log(80) + 0.8 * gaussian(random)), 5, 5000);
            double engagement = clamp(1 + random.nextDouble() * 7 + 0.3 * gaussian(random), 0.3, 12) + lift;
            double posts = 1 + random.nextInt(14);
            double views = followers * (0.5 + 0.12 * engagement) * (0.85 + 0.02 * posts) * Math.exp(0.08 * gaussian(random));
            if (bought) {
                followers *= 4 + 4 * random.nextDouble();
                engagement = 0.1 + 0.2 * random.nextDouble();
                views *= 0.3;
            }
            double likes = views * engagement / 100 * 0.8 * Math.exp(0.1 * gaussian(random));
            double comments = likes * 1000 * 0.03 * Math.exp(0.2 * gaussian(random));
            double growth = 2 * engagement + 0.8 * posts - 6 + 3 * gaussian(random);
            double next = views * (1 + growth / 200) * Math.exp(0.04 * gaussian(random));
            out.add(new Influencer(round(followers, 3), round(views, 3), round(engagement, 3), posts, round(likes, 4),
                    round(comments, 1), round(growth, 2), round(next, 3), bought));
        }
        return out;
    }

    /** The table as CSV, the dataset version the demo uploads. */
    public static String csv(List<Influencer> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", Influencer.FEATURES)).append(',').append(Influencer.TARGET).append('\n');
        for (Influencer r : rows) {
            for (double v : r.features()) {
                csv.append(format(v)).append(',');
            }
            csv.append(format(r.nextMonthViewsK())).append('\n');
        }
        return csv.toString();
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double v, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(v * scale) / scale;
    }
}
