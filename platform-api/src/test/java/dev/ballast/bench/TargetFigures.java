package dev.ballast.bench;

/**
 * What the load generator measured on one target: closed-loop throughput at the configured
 * connections, latency of the open loop at half that throughput, and how many TCP connections it
 * took (as many as configured when they were all kept alive). A target that could not be
 * measured carries the reason instead.
 *
 * @param name        how the report names the target
 * @param closed      the best closed-loop round (null when unavailable)
 * @param roundRates  the throughput of every closed-loop round, in order
 * @param openRate    the open loop's planned requests per second
 * @param open        the open-loop phase (null when unavailable)
 * @param connections TCP connections opened over all phases
 * @param unavailable why the target was not measured, or null
 */
record TargetFigures(String name, LoadGenerator.Result closed, double[] roundRates, double openRate, LoadGenerator.Result open, int connections,
                     String unavailable) {

    static TargetFigures unavailable(String name, String reason) {
        return new TargetFigures(name, null, new double[0], 0, null, 0, reason);
    }

    boolean measured() {
        return unavailable == null;
    }

    double throughput() {
        return closed.perSecond();
    }

    /** Open-loop latencies, or null when no request succeeded. */
    Latencies latencies() {
        return open.latencyNanos().length == 0 ? null : open.latencies();
    }

    String throughputText() {
        return measured() ? Fmt.rate(throughput(), "req") : "not available";
    }

    String latencyText() {
        if (!measured()) {
            return "not available";
        }
        Latencies l = latencies();
        return l == null ? "no successful request" : Fmt.millis(l.median()) + " / " + Fmt.millis(l.p99());
    }

    /** One line for the notes: errors, bytes per response, connections. */
    String detail() {
        if (!measured()) {
            return name + ": not available (" + unavailable + ").";
        }
        long responses = closed.ok() + closed.errors();
        StringBuilder rounds = new StringBuilder();
        for (double r : roundRates) {
            rounds.append(rounds.length() == 0 ? "" : ", ").append(Fmt.rate(r, "req"));
        }
        return String.format(java.util.Locale.ROOT, "%s: closed-loop rounds %s; best round %s requests (%d errors%s), open loop %s requests planned at %s, "
                        + "%s served at %s (%d errors%s), %s per response, %d TCP connections over all phases.",
                name, rounds, Fmt.count(responses), closed.errors(), closed.firstError() == null ? "" : ", first: " + closed.firstError(),
                Fmt.count(open.ok() + open.errors()), Fmt.rate(openRate, "req"), Fmt.count(open.ok()),
                Fmt.rate(open.perSecond(), "req"), open.errors(),
                open.firstError() == null ? "" : ", first: " + open.firstError(), Fmt.bytes(responses == 0 ? 0 : closed.bytes() / responses),
                connections);
    }
}
