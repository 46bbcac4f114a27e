package dev.ballast.core.identity.domain;

import dev.ballast.core.error.BallastException;

import java.util.Locale;

/**
 * What a user may do. ENGINEERs log experiments and request promotions, REVIEWERs approve them,
 * ADMINs manage users and may do everything else.
 */
public enum Role {
    ENGINEER,
    REVIEWER,
    ADMIN;

    /** Parses a role name case-insensitively, rejecting unknown names with MLflow's wording. */
    public static Role parse(String value) {
        if (value == null || value.isBlank()) {
            throw BallastException.invalid("Missing value for parameter 'role'. Use one of ENGINEER, REVIEWER, ADMIN.");
        }
        try {
            return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BallastException.invalid("Invalid value '" + value + "' for parameter 'role'. Use one of ENGINEER, REVIEWER, ADMIN.");
        }
    }
}
