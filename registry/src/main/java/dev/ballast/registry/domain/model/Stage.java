package dev.ballast.registry.domain.model;

import dev.ballast.core.error.BallastException;

import java.util.Locale;

/**
 * MLflow's model version stages. MLflow reads stage names case-insensitively and writes them in
 * this canonical spelling, so a client sending {@code "production"} sees {@code "Production"}.
 */
public enum Stage {
    NONE("None"),
    STAGING("Staging"),
    PRODUCTION("Production"),
    ARCHIVED("Archived");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** The canonical name, as stored and as MLflow prints it. */
    public String label() {
        return label;
    }

    /** Whether {@code archive_existing_versions} may be used when moving into this stage (MLflow's rule). */
    public boolean archivesOthers() {
        return this == STAGING || this == PRODUCTION;
    }

    /** Parses a stage name case-insensitively; anything else is INVALID_PARAMETER_VALUE with the allowed names. */
    public static Stage parse(String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (Stage s : values()) {
                if (s.label.toLowerCase(Locale.ROOT).equals(v)) {
                    return s;
                }
            }
        }
        throw BallastException.invalid("Invalid Model Version stage: " + value + ". Value must be one of None, Staging, Production, Archived.");
    }

    /** The stage stored as {@code label}. */
    public static Stage fromLabel(String label) {
        for (Stage s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalStateException("unknown stored stage " + label);
    }
}
