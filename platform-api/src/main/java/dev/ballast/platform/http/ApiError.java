package dev.ballast.platform.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.core.error.ErrorCode;
import io.micronaut.serde.annotation.Serdeable;

/** The body of every API error, in MLflow's shape: {@code {"error_code": "...", "message": "..."}}. */
@Serdeable
public record ApiError(@JsonProperty("error_code") String errorCode, @JsonProperty("message") String message) {

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.name(), message);
    }
}
