package dev.ballast.platform.http;

import dev.ballast.core.error.ErrorCode;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Renders the errors raised by the HTTP layer itself (unknown routes, wrong methods, malformed
 * JSON, unconvertible arguments, oversize bodies, uncaught exceptions) in Ballast's error shape,
 * so no client ever sees Micronaut's default error format or a stack trace.
 */
@Singleton
public class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        int status = base.getStatus().getCode();
        ErrorCode code = ErrorCode.forHttpStatus(status);
        String message;
        if (status >= 500) {
            message = "Internal error. Request id: " + RequestIdFilter.requestId(context.getRequest());
        } else if (status == 404) {
            message = "No API endpoint " + context.getRequest().getMethodName() + " " + context.getRequest().getPath();
        } else if (context.hasErrors()) {
            message = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        } else {
            message = base.getStatus().getReason();
        }
        return base.contentType(MediaType.APPLICATION_JSON_TYPE).body(ApiError.of(code, message));
    }
}
