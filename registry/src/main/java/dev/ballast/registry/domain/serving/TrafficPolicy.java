package dev.ballast.registry.domain.serving;

import dev.ballast.core.error.BallastException;

import java.util.Locale;

/**
 * How a model's serving endpoint splits its traffic between the version behind its alias and a
 * candidate: not at all, a canary share of requests, or a shadow copy of every request.
 *
 * @param candidateVersion the candidate (null for NONE)
 * @param canaryPercent    for CANARY, the share of requests the candidate answers (0 < p < 100)
 */
public record TrafficPolicy(Mode mode, Integer candidateVersion, Double canaryPercent) {
    public static final TrafficPolicy NONE = new TrafficPolicy(Mode.NONE, null, null);

    public enum Mode {
        NONE, CANARY, SHADOW;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode parse(String value) {
            if (value != null) {
                for (Mode m : values()) {
                    if (m.code().equalsIgnoreCase(value.trim())) {
                        return m;
                    }
                }
            }
            throw BallastException.invalid("Invalid traffic mode '" + value + "'. Use one of none, canary, shadow.");
        }
    }

    public TrafficPolicy {
        if (mode == Mode.NONE) {
            candidateVersion = null;
            canaryPercent = null;
        } else if (candidateVersion == null || candidateVersion < 1) {
            throw BallastException.invalid("A " + mode.code() + " policy needs 'candidate_version', the version to try.");
        }
        if (mode == Mode.CANARY) {
            if (canaryPercent == null || !(canaryPercent > 0) || !(canaryPercent < 100)) {
                throw BallastException.invalid("A canary policy needs 'percent' between 0 and 100 (exclusive), the share of requests"
                        + " the candidate answers.");
            }
        } else {
            canaryPercent = null;
        }
    }
}
