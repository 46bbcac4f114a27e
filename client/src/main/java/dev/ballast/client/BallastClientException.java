package dev.ballast.client;

/**
 * A call to Ballast that failed: an HTTP error carrying Ballast's {@code {"error_code","message"}}
 * body, or no answer at all. It keeps the code and message apart so programs can act on the
 * code ({@code RESOURCE_DOES_NOT_EXIST}, {@code UNAUTHENTICATED}, ...) rather than parse text.
 */
public class BallastClientException extends RuntimeException {
    private final int status;
    private final String errorCode;

    public BallastClientException(String message, int status, String errorCode) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public BallastClientException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = null;
    }

    /** The HTTP status, or -1 when no response arrived. */
    public int status() {
        return status;
    }

    /** Ballast's {@code error_code} (MLflow's names), or null when the response had none. */
    public String errorCode() {
        return errorCode;
    }
}
