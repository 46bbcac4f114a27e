package dev.ballast.platform.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/**
 * A trivial authenticated endpoint that does no model work: it exists so that the serving
 * benchmark ({@code bench/serving.sh}) can measure what the HTTP stack alone achieves on a machine
 * (authentication filter, JSON body decoding, blocking executor, JSON response) and compare
 * model serving with it. It takes the same body shape as a predict request and runs on the same
 * executor as the serving endpoints, so the difference between the two is the model's work.
 * Clients may also use it to check that their credentials work.
 */
@Controller("/api/v1/ping")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Operations")
public class PingController {
    private static final PingResponse OK = new PingResponse(true);

    @Post
    @Operation(summary = "Check credentials and the HTTP stack: reads a JSON body (any object, e.g. a predict request) and answers {\"ok\":true}")
    public PingResponse ping(@Body PingRequest request) {
        return OK;
    }

    /** Any JSON object; the {@code inputs} of a predict request are read like the serving endpoint reads them. */
    @Serdeable
    public record PingRequest(@Nullable Map<String, Object> inputs) {
    }

    /** Always {@code {"ok":true}}. */
    @Serdeable
    public record PingResponse(boolean ok) {
    }
}
