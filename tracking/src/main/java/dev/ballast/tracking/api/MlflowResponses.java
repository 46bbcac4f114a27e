package dev.ballast.tracking.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

import java.util.Map;

/** Wraps MLflow response objects as 200 responses with a JSON body ({@code {}} when empty). */
public final class MlflowResponses {
    private MlflowResponses() {
    }

    public static HttpResponse<String> ok(Map<String, ?> body) {
        return HttpResponse.ok(JsonText.write(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    public static HttpResponse<String> empty() {
        return ok(Map.of());
    }
}
