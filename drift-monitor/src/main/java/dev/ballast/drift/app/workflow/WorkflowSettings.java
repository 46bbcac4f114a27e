package dev.ballast.drift.app.workflow;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Settings of retraining workflows ({@code ballast.workflows.*}): retries with exponential
 * backoff ({@code retry.max-attempts} 4, {@code retry.initial-backoff} 10s, {@code retry.max-backoff}
 * 10m), how often open workflows are swept for due work ({@code sweep-interval} 5s), the address
 * external executors call back ({@code public-url}; default this replica's address), how old a callback may be
 * ({@code callback-max-age} 5m), and a pause inside every step ({@code fault-injection.step-pause},
 * 0) that crash tests use to kill Ballast in the middle of a step.
 */
@Singleton
public class WorkflowSettings {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final String configuredUrl;
    private final BeanProvider<EmbeddedServer> server;
    private final Duration callbackMaxAge;
    private final Duration stepPause;

    public WorkflowSettings(@Value("${ballast.workflows.retry.max-attempts:4}") int maxAttempts,
                            @Value("${ballast.workflows.retry.initial-backoff:10s}") Duration initialBackoff,
                            @Value("${ballast.workflows.retry.max-backoff:10m}") Duration maxBackoff,
                            @Value("${ballast.workflows.public-url:}") String publicUrl,
                            BeanProvider<EmbeddedServer> server,
                            @Value("${ballast.workflows.callback-max-age:5m}") Duration callbackMaxAge,
                            @Value("${ballast.workflows.fault-injection.step-pause:0s}") Duration stepPause) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.configuredUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.server = server;
        this.callbackMaxAge = callbackMaxAge;
        this.stepPause = stepPause;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialBackoff() {
        return initialBackoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The configured public URL, else this replica's own address (fine for one machine; set it behind a load balancer). */
    public String publicUrl() {
        if (!configuredUrl.isBlank()) {
            return configuredUrl;
        }
        EmbeddedServer s = server.get();
        return "http://" + ("0.0.0.0".equals(s.getHost()) ? "127.0.0.1" : s.getHost()) + ":" + s.getPort();
    }

    public Duration callbackMaxAge() {
        return callbackMaxAge;
    }

    public Duration stepPause() {
        return stepPause;
    }
}
