package dev.ballast.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One influencer account in a month, as the seed documents' growth model sees it: audience and activity now, growth
 * over the last six months, and next month's views, the target. Counts in thousands keep every feature within a few
 * orders of magnitude, which linear models trained by SGD need.
 *
 * @param followersK        followers, thousands
 * @param viewsK            views this month, thousands
 * @param engagementRate    interactions per view, percent
 * @param postsPerWeek      posting frequency
 * @param avgLikesK         average likes per post, thousands
 * @param avgComments       average comments per post
 * @param growth6m          follower growth over the last six months, percent
 * @param nextMonthViewsK   views next month, thousands (the target)
 * @param anomalous         whether the generator made this account anomalous (bought followers); not a column
 */
public record Influencer(double followersK, double viewsK, double engagementRate, double postsPerWeek, double avgLikesK,
                         double avgComments, double growth6m, double nextMonthViewsK, boolean anomalous) {
    /** The feature columns, in CSV order. */
    public static final String[] FEATURES = {"followers_k", "views_k", "engagement_rate", "posts_per_week", "avg_likes_k",
        "avg_comments", "growth_6m"};
    public static final String TARGET = "next_month_views_k";

    public double[] features() {
        return new double[] {followersK, viewsK, engagementRate, postsPerWeek, avgLikesK, avgComments, growth6m};
    }

    /** The features as a serving request's named inputs. */
    public Map<String, Double> inputs() {
        Map<String, Double> inputs = new LinkedHashMap<>();
        double[] values = features();
        for (int i = 0; i < FEATURES.length; i++) {
            inputs.put(FEATURES[i], values[i]);
        }
        return inputs;
    }
}
