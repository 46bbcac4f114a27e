package dev.ballast.registry.app.serving;

import dev.ballast.registry.app.serving.metrics.ServingMetrics;
import dev.ballast.registry.app.tribuo.ModelPrediction;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs shadow copies of requests on one background thread and compares their answers with the
 * primary's: never on the request's thread, never returned to the client. When copies arrive
 * faster than they run, the excess is dropped and counted rather than queued without bound.
 */
@Singleton
public class ShadowRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowRunner.class);

    private final ThreadPoolExecutor executor;
    private final ShadowStats stats;
    private final ServingMetrics metrics;
    private final CaptureRows capture;
    private final LongAdder dropped = new LongAdder();

    public ShadowRunner(ServingSettings settings, ShadowStats stats, ServingMetrics metrics, CaptureRows capture) {
        this.stats = stats;
        this.metrics = metrics;
        this.capture = capture;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(settings.shadowQueue()), r -> {
            Thread t = new Thread(r, "ballast-serving-shadow");
            t.setDaemon(true);
            return t;
        }, (r, e) -> dropped.increment());
    }

    /** Queues a shadow run of {@code shadow} on the rows the primary answered. */
    public void submit(LoadedVersion primary, LoadedVersion shadow, double[][] rows, List<ModelPrediction> answers) {
        executor.execute(() -> {
            try {
                compare(primary, shadow, rows, answers);
            } catch (RuntimeException e) {
                LOG.warn("Shadow run of {} v{} failed: {}", shadow.model(), shadow.version(), e.toString());
            }
        });
    }

    public long dropped() {
        return dropped.sum();
    }

    private void compare(LoadedVersion primary, LoadedVersion shadow, double[][] rows, List<ModelPrediction> answers) {
        double absDiff = 0;
        long disagreed = 0;
        ModelPrediction[] shadowAnswers = new ModelPrediction[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ModelPrediction s = shadow.predict(rows[i]);
            shadowAnswers[i] = s;
            ModelPrediction p = answers.get(i);
            if (p.label() != null || s.label() != null) {
                if (!Objects.equals(p.label(), s.label())) {
                    disagreed++;
                }
            } else {
                double d = 0;
                for (var e : p.values().entrySet()) {
                    Double other = s.values().get(e.getKey());
                    d += other == null ? Double.NaN : Math.abs(e.getValue() - other);
                }
                absDiff += p.values().isEmpty() ? 0 : d / p.values().size();
            }
        }
        stats.add(primary.model(), primary.version(), shadow.version(), rows.length, absDiff, disagreed);
        boolean classification = answers.get(0).label() != null;
        metrics.shadow(primary.model(), primary.version(), shadow.version(),
                classification ? "disagreement_rate" : "mean_absolute_difference",
                classification ? (double) disagreed / rows.length : absDiff / rows.length);
        metrics.shadowCompared(primary.model(), primary.version(), shadow.version(), rows.length, (int) disagreed);
        capture.offer(shadow, null, rows, List.of(shadowAnswers), true);
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
