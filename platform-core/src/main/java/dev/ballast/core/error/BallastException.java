package dev.ballast.core.error;

import java.util.Objects;

/**
 * The one exception domain and application code throws for a failure the caller should see.
 *
 * <p>It carries an {@link ErrorCode} instead of an HTTP status so that no layer below the API
 * knows about HTTP; a single exception handler renders it as {@code {"error_code","message"}}.
 */
public class BallastException extends RuntimeException {
    private final ErrorCode code;

    public BallastException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public BallastException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    public static BallastException invalid(String message) {
        return new BallastException(ErrorCode.INVALID_PARAMETER_VALUE, message);
    }

    public static BallastException notFound(String message) {
        return new BallastException(ErrorCode.RESOURCE_DOES_NOT_EXIST, message);
    }

    public static BallastException alreadyExists(String message) {
        return new BallastException(ErrorCode.RESOURCE_ALREADY_EXISTS, message);
    }

    public static BallastException denied(String message) {
        return new BallastException(ErrorCode.PERMISSION_DENIED, message);
    }
}
