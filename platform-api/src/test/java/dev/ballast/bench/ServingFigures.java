package dev.ballast.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the three measured targets into the report's rows, each figure next to the issue's
 * target: predict throughput as a share of ping's (at least 60%), predict p99 at half load
 * (under 5 ms) and predict throughput as a multiple of the FastAPI reference's (at least 5x).
 * A target that needs an unmeasured figure says "n/a", and the notes say why.
 */
final class ServingFigures {
    static final double MIN_SHARE_OF_PING = 0.60;
    static final long MAX_P99_NANOS = 5_000_000L;
    static final double MIN_TIMES_FASTAPI = 5.0;

    private ServingFigures() {
    }

    static List<Figure> figures(TargetFigures predict, TargetFigures ping, TargetFigures fastApi) {
        List<Figure> rows = new ArrayList<>();
        rows.add(new Figure("Predict throughput, closed loop", predict.throughputText(), ping.throughputText() + " (ping)",
                predict.measured() && ping.measured() ? percent(predict.throughput() / ping.throughput()) + " of ping" : "-",
                ">= 60% of ping", predict.measured() && ping.measured()
                ? Figure.Verdict.of(predict.throughput() >= MIN_SHARE_OF_PING * ping.throughput()) : Figure.Verdict.NOT_MEASURED));

        Latencies pl = predict.measured() ? predict.latencies() : null;
        Latencies gl = ping.measured() ? ping.latencies() : null;
        rows.add(new Figure("Predict p50 / p99 at half its throughput, open loop", predict.latencyText(),
                ping.latencyText() + " (ping, at half its own)",
                pl != null && gl != null ? "p99 " + times(pl.p99(), gl.p99()) + " ping" : "-",
                "p99 < 5 ms", pl != null ? Figure.Verdict.of(pl.p99() < MAX_P99_NANOS) : Figure.Verdict.NOT_MEASURED));

        rows.add(new Figure("Predict throughput vs the reference stack", predict.throughputText(), fastApi.throughputText() + " (FastAPI)",
                predict.measured() && fastApi.measured() ? String.format(Locale.ROOT, "%.1fx FastAPI", predict.throughput() / fastApi.throughput())
                        : "-",
                ">= 5x FastAPI", predict.measured() && fastApi.measured()
                ? Figure.Verdict.of(predict.throughput() >= MIN_TIMES_FASTAPI * fastApi.throughput()) : Figure.Verdict.NOT_MEASURED));

        rows.add(Figure.info("Ping (HTTP stack, no model): throughput; p50 / p99 at half", ping.throughputText() + "; "
                + ping.latencyText(), "-", "-"));
        rows.add(Figure.info("FastAPI reference: throughput; p50 / p99 at half", "-", fastApi.throughputText() + "; "
                + fastApi.latencyText(), "-"));
        return rows;
    }

    static List<String> notes(TargetFigures predict, TargetFigures ping, TargetFigures fastApi, int cpus) {
        List<String> notes = new ArrayList<>();
        if (!predict.measured()) {
            notes.add("Predict endpoint not available: " + predict.unavailable() + ". Its targets are not judged (n/a).");
        }
        if (!fastApi.measured()) {
            notes.add("FastAPI reference not available: " + fastApi.unavailable() + ".");
        }
        for (TargetFigures t : List.of(predict, ping, fastApi)) {
            if (t.measured()) {
                notes.add(t.detail());
            }
        }
        notes.add("The load generator runs on the same " + cpus + "-core machine as the server and competes with it for CPU, as the "
                + "issue defines the measurement: one thread per connection in the benchmark's JVM, each driving a plain-socket "
                + "HTTP/1.1 keep-alive connection with prebuilt requests (no h2c upgrade; responses read and counted, not parsed). "
                + "Figures are lower bounds for a server with cores of its own.");
        notes.add("Closed loop: each connection sends its next request as soon as the previous answer arrived; throughput counts "
                + "2xx answers and is the best of the rounds (a JVM server still speeds up after tens of seconds, and the machine "
                + "may have other work; the rounds alternate between ping and predict so neither gains from going second). Open loop, in as many slices as there are rounds, alternating as well: requests are due at a fixed rate (half the target's own closed-loop throughput) and go "
                + "out on the next free connection; latency counts from when a request was due, so waiting for a connection is "
                + "charged to the server (no coordinated omission); it includes the generator threads' wake-up delay (tens of "
                + "microseconds). Percentiles are nearest-rank.");
        notes.add("Ballast: the packaged jar (java -jar platform-api/target/ballast-all.jar without JVM options, as ./ballast start "
                + "runs it), on loopback. Requests carry an engineer's API token (Bearer; token and user are read from the database "
                + "on every request). Ping and predict run on the blocking executor (@ExecuteOn(TaskExecutors.BLOCKING)); ping reads "
                + "the same body as predict and does no model work. The model reached champion through a reviewed promotion.");
        notes.add("Reference: bench/reference/serve_ridge.py, scikit-learn Ridge(alpha=1) trained on the same rows, FastAPI with a "
                + "Pydantic request model, uvicorn with its default single worker, async endpoint, access log off, no "
                + "authentication.");
        return notes;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    static String times(long a, long b) {
        return String.format(Locale.ROOT, "%.1fx", (double) a / Math.max(1, b));
    }
}
