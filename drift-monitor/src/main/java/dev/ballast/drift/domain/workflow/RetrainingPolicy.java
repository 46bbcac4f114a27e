package dev.ballast.drift.domain.workflow;

import io.micronaut.core.annotation.Nullable;

/**
 * How a model is retrained: whether drift starts a workflow, on which data, how the holdout is
 * drawn, how often at most, who trains, and whether a passing version may take the alias without
 * review. Models without a stored policy use {@link #defaults(String)}.
 *
 * @param dataset     the dataset whose newest version is trained on; null: the newest version of
 *                    the dataset the current version was trained on
 * @param targetColumn the column to predict; null: the output named in the current version's spec
 * @param autoPromote move {@code targetAlias} to the new version when its gates pass, instead of
 *                    opening a promotion request; off unless a reviewer turns it on
 * @param secret      the HMAC key signing calls to the external executor and its callback
 */
public record RetrainingPolicy(String model, boolean retrainOnDrift, @Nullable String dataset,
                               @Nullable String targetColumn, String targetAlias,
                               double trainFraction, long seed, int cooldownSeconds, boolean autoPromote, Executor executor,
                               @Nullable String webhookUrl, @Nullable String secret, String updatedBy, long updatedAt) {
    public static final double DEFAULT_TRAIN_FRACTION = 0.8;
    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_COOLDOWN_SECONDS = 24 * 3600;

    public static RetrainingPolicy defaults(String model) {
        return new RetrainingPolicy(model, true, null, null, "champion", DEFAULT_TRAIN_FRACTION, DEFAULT_SEED, DEFAULT_COOLDOWN_SECONDS,
                false, Executor.INTERNAL, null, null, "ballast", 0);
    }
}
