package dev.ballast.core.identity.app;

import dev.ballast.core.error.BallastException;

/**
 * Checks the model name a serving token is limited to. The registry owns model names but sits
 * above this module, so the registry's rules that matter for a URL path segment are repeated
 * here: at most 256 characters, no {@code /} and no control characters. The names {@code .} and
 * {@code ..} are refused too, because a path segment with that name is a dot-segment that the
 * serving-path check (and any proxy on the way) will never treat as a model name.
 *
 * <p>The model need not exist yet: serving clients are set up before a model's first promotion,
 * and a token for a model that never appears opens nothing.
 */
public final class ServingScopes {
    public static final int MAX_MODEL_NAME_LENGTH = 256;

    private ServingScopes() {
    }

    /** The name unchanged (model names are exact and case-sensitive), or INVALID_PARAMETER_VALUE. */
    public static String requireModelName(String model) {
        if (model == null || model.isEmpty()) {
            throw invalid("give the registered model name the token may serve");
        }
        if (model.length() > MAX_MODEL_NAME_LENGTH) {
            throw invalid("a registered model name has at most " + MAX_MODEL_NAME_LENGTH + " characters");
        }
        if (model.equals(".") || model.equals("..")) {
            throw invalid("'" + model + "' cannot be a path segment of a serving URL");
        }
        for (int i = 0; i < model.length(); i++) {
            char c = model.charAt(i);
            if (c == '/' || Character.isISOControl(c)) {
                throw invalid("a registered model name may not contain '/' or control characters");
            }
        }
        return model;
    }

    private static BallastException invalid(String why) {
        return BallastException.invalid("Invalid value for parameter 'serving_model': " + why + ".");
    }
}
