package dev.ballast.platform.http;

import dev.ballast.core.error.BallastException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Renders a {@link BallastException} thrown anywhere below the API with the status its code names. */
@Produces
@Singleton
@Requires(classes = {BallastException.class, ExceptionHandler.class})
public class BallastExceptionHandler implements ExceptionHandler<BallastException, HttpResponse<ApiError>> {

    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, BallastException exception) {
        return ApiErrors.response(exception.code(), exception.getMessage());
    }
}
