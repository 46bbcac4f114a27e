package dev.ballast.registry.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ballast.registry.app.serving.capture.CaptureStats;
import dev.ballast.registry.domain.serving.CapturedPrediction;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/** Response records of the captures API (snake_case). */
public final class CaptureViews {

    private CaptureViews() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CaptureView(String model, int version, @Nullable String alias,
                              @JsonProperty("captured_at") long capturedAt,
                              boolean shadow,
                              Map<String, Double> inputs,
                              Map<String, Object> output) {
        static CaptureView of(CapturedPrediction p) {
            return new CaptureView(p.model(), p.version(), p.alias(), p.timestamp(), p.shadow(), p.inputs(), p.output());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CapturesResponse(List<CaptureView> captures) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CaptureStatsView(boolean enabled,
                                   long offered,
                                   @JsonProperty("sampled_out") long sampledOut,
                                   long enqueued,
                                   long dropped,
                                   long written,
                                   long failed,
                                   @JsonProperty("queue_depth") int queueDepth,
                                   @JsonProperty("queue_capacity") int queueCapacity) {
        static CaptureStatsView of(boolean enabled, CaptureStats s) {
            return new CaptureStatsView(enabled, s.offered(), s.sampledOut(), s.enqueued(), s.dropped(), s.written(), s.failed(),
                    s.queueDepth(), s.queueCapacity());
        }
    }
}
