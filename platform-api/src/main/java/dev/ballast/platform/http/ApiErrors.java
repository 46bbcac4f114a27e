package dev.ballast.platform.http;

import dev.ballast.core.error.ErrorCode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds error responses: the status always comes from the {@link ErrorCode}. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static MutableHttpResponse<ApiError> response(ErrorCode code, String message) {
        return HttpResponse.<ApiError>status(HttpStatus.valueOf(code.httpStatus()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ApiError.of(code, message));
    }
}
