package dev.ballast.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the phases of the serving benchmark over the targets of one server so that the order in
 * which they are measured does not decide the result. A JVM server keeps getting faster for tens
 * of seconds (JIT compilation, here measured at up to 2x between a first and a second closed loop
 * of the same route), so the targets are warmed up together in alternating slices, measured in
 * alternating closed-loop rounds (each target's throughput is its best round), and only then
 * measured in the open loop at half their throughput.
 */
final class Measurements {
    private static final String HOST = "127.0.0.1";
    private static final Duration SLICE = Duration.ofSeconds(5);

    private Measurements() {
    }

    /** One endpoint to load: {@code authorization} may be null. */
    record Target(String name, int port, String path, String authorization) {
    }

    static List<TargetFigures> measure(List<Target> targets, List<String> bodies, ServingSettings settings) throws InterruptedException {
        List<LoadGenerator> generators = new ArrayList<>();
        List<List<byte[]>> requests = new ArrayList<>();
        try {
            for (Target t : targets) {
                generators.add(new LoadGenerator(HOST, t.port(), settings.connections()));
                requests.add(bodies.stream().map(b -> HttpConnection.post(HOST, t.port(), t.path(), t.authorization(), b)).toList());
            }
            Progress.log("warm-up: " + settings.warmup().toSeconds() + " s per target, in slices of up to " + SLICE.toSeconds()
                    + " s, alternating");
            for (Duration done = Duration.ZERO; done.compareTo(settings.warmup()) < 0; done = done.plus(SLICE)) {
                Duration slice = min(SLICE, settings.warmup().minus(done));
                for (int i = 0; i < targets.size(); i++) {
                    generators.get(i).closedLoop(requests.get(i), slice);
                }
            }
            List<List<LoadGenerator.Result>> rounds = new ArrayList<>();
            targets.forEach(t -> rounds.add(new ArrayList<>()));
            for (int r = 0; r < settings.rounds(); r++) {
                for (int i = 0; i < targets.size(); i++) {
                    LoadGenerator.Result closed = generators.get(i).closedLoop(requests.get(i), settings.closedLoop());
                    rounds.get(i).add(closed);
                    Progress.log(String.format(Locale.ROOT, "%s: closed loop round %d: %s (%d errors)", targets.get(i).name(), r + 1,
                            Fmt.rate(closed.perSecond(), "req"), closed.errors()));
                }
            }
            List<TargetFigures> figures = new ArrayList<>();
            List<Double> openRates = new ArrayList<>();
            List<List<LoadGenerator.Result>> openParts = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                LoadGenerator.Result best = best(rounds.get(i));
                openRates.add(best.ok() == 0 ? 0.0 : best.perSecond() / 2);
                openParts.add(new ArrayList<>());
            }
            Duration openSlice = settings.openLoop().dividedBy(settings.rounds());
            for (int r = 0; r < settings.rounds(); r++) {
                for (int i = 0; i < targets.size(); i++) {
                    if (openRates.get(i) > 0) {
                        openParts.get(i).add(generators.get(i).openLoop(requests.get(i), openRates.get(i), openSlice));
                    }
                }
            }
            for (int i = 0; i < targets.size(); i++) {
                String name = targets.get(i).name();
                LoadGenerator.Result best = best(rounds.get(i));
                if (best.ok() == 0) {
                    figures.add(TargetFigures.unavailable(name, "no request succeeded: " + best.firstError()));
                    continue;
                }
                double[] rates = rounds.get(i).stream().mapToDouble(LoadGenerator.Result::perSecond).toArray();
                LoadGenerator.Result open = LoadGenerator.Result.merge(openParts.get(i));
                TargetFigures f = new TargetFigures(name, best, rates, openRates.get(i), open, generators.get(i).opened(), null);
                Progress.log(name + ": open loop at " + Fmt.rate(openRates.get(i), "req") + ": p50 / p99 " + f.latencyText() + " ("
                        + open.errors() + " errors)");
                figures.add(f);
            }
            return figures;
        } finally {
            generators.forEach(LoadGenerator::close);
        }
    }

    private static LoadGenerator.Result best(List<LoadGenerator.Result> rounds) {
        return rounds.stream().max((a, b) -> Double.compare(a.perSecond(), b.perSecond())).orElseThrow();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
