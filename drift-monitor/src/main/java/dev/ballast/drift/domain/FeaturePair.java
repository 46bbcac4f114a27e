package dev.ballast.drift.domain;

/** The two sides of one feature; both numeric or both categorical. */
public record FeaturePair(String feature, FeatureSample reference, FeatureSample current) {
    public FeaturePair {
        if (reference.getClass() != current.getClass()) {
            throw new IllegalArgumentException("feature '" + feature + "' is numeric on one side and categorical on the other");
        }
    }
}
