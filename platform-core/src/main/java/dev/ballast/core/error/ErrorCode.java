package dev.ballast.core.error;

/**
 * Every error Ballast reports, named as MLflow names them so MLflow clients show familiar codes.
 *
 * <p>This enum is the single mapping from an error to its HTTP status: nothing else in the code
 * base chooses a status for an error. The few codes MLflow lacks (methods, media types, body size)
 * exist because HTTP itself distinguishes them and clients retry or fail on the status.
 */
public enum ErrorCode {
    INVALID_PARAMETER_VALUE(400),
    RESOURCE_ALREADY_EXISTS(400),
    BAD_REQUEST(400),
    INVALID_STATE(400),
    UNAUTHENTICATED(401),
    PERMISSION_DENIED(403),
    RESOURCE_DOES_NOT_EXIST(404),
    ENDPOINT_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    RESOURCE_CONFLICT(409),
    REQUEST_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    REQUEST_LIMIT_EXCEEDED(429),
    INTERNAL_ERROR(500),
    NOT_IMPLEMENTED(501),
    TEMPORARILY_UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status an API response carrying this code must have. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The code to report for a status produced outside Ballast's own code (the HTTP layer's
     * routing, body decoding and size limits), so those errors share the same shape.
     */
    public static ErrorCode forHttpStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 404 -> ENDPOINT_NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 409 -> RESOURCE_CONFLICT;
            case 413 -> REQUEST_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> REQUEST_LIMIT_EXCEEDED;
            case 501 -> NOT_IMPLEMENTED;
            case 503 -> TEMPORARILY_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR;
        };
    }
}
