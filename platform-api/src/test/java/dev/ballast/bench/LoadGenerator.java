package dev.ballast.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The serving benchmark's load generator, the same for every target (Ballast predict, Ballast
 * ping, the FastAPI reference): a fixed set of keep-alive HTTP/1.1 connections, each driven by a
 * thread of its own, in two modes.
 * <ul>
 *   <li>{@link #closedLoop closed loop}: every connection sends its next request as soon as the
 *   previous answer arrived, so as many requests are in flight as there are connections; this
 *   measures throughput;</li>
 *   <li>{@link #openLoop open loop}: requests are due at a fixed rate ({@link FixedRateSchedule})
 *   and go out on the next free connection; latency counts from when a request was due, so it
 *   includes any wait for a connection; this measures latency at a given load.</li>
 * </ul>
 * Requests cycle through a list of prebuilt request byte arrays. A response counts as a success
 * when its status is 2xx; the body is read and counted, not parsed.
 */
final class LoadGenerator implements AutoCloseable {
    private final List<HttpConnection> connections = new ArrayList<>();

    LoadGenerator(String host, int port, int connectionCount) {
        for (int i = 0; i < connectionCount; i++) {
            connections.add(new HttpConnection(host, port));
        }
    }

    /** What one phase achieved. Latencies are of successful requests only. */
    record Result(long ok, long errors, long bytes, long elapsedNanos, long[] latencyNanos, String firstError) {
        double perSecond() {
            return ok / (elapsedNanos / 1e9);
        }

        Latencies latencies() {
            return new Latencies(latencyNanos);
        }

        /** Several phases of one target as one: counts and times added, latencies pooled, the first error kept. */
        static Result merge(List<Result> parts) {
            long ok = 0;
            long errors = 0;
            long bytes = 0;
            long elapsed = 0;
            String firstError = null;
            List<LongSamples> latencies = new ArrayList<>();
            for (Result r : parts) {
                ok += r.ok;
                errors += r.errors;
                bytes += r.bytes;
                elapsed += r.elapsedNanos;
                firstError = firstError != null ? firstError : r.firstError;
                LongSamples s = new LongSamples();
                for (long v : r.latencyNanos) {
                    s.add(v);
                }
                latencies.add(s);
            }
            return new Result(ok, errors, bytes, Math.max(1, elapsed), LongSamples.merge(latencies), firstError);
        }
    }

    /** Every connection sends back to back for {@code duration}; requests in flight at the end still count. */
    Result closedLoop(List<byte[]> requests, Duration duration) throws InterruptedException {
        return run(requests, new Phase() {
            private final AtomicLong next = new AtomicLong();
            private long end;

            @Override
            public long begin(long now) {
                end = now + duration.toNanos();
                return now;
            }

            @Override
            public long next() {
                return System.nanoTime() < end ? next.getAndIncrement() : -1;
            }
        });
    }

    /** Requests due at a fixed rate for {@code duration}, on the connections as they come free. */
    Result openLoop(List<byte[]> requests, double perSecond, Duration duration) throws InterruptedException {
        return run(requests, new Phase() {
            private final AtomicLong next = new AtomicLong();
            private FixedRateSchedule plan;

            @Override
            public long begin(long now) {
                plan = FixedRateSchedule.of(now, perSecond, duration);
                return now;
            }

            @Override
            public long next() {
                long i = next.getAndIncrement();
                return i < plan.count() ? i : -1;
            }

            @Override
            public long due(long i) {
                return plan.dueNanos(i);
            }
        });
    }

    /**
     * How one phase hands out requests. {@link #begin} runs once, after the threads started and
     * before any of them sends (the latch that releases them publishes what it set).
     */
    private interface Phase {
        /** Starts the clock; answers the phase's start time. */
        long begin(long now);

        /** The number of the next request to send, or -1 when the phase is over. */
        long next();

        /** When request {@code i} is due; {@link Long#MIN_VALUE} for "now" (closed loop). */
        default long due(long i) {
            return Long.MIN_VALUE;
        }
    }

    private Result run(List<byte[]> requests, Phase phase) throws InterruptedException {
        AtomicLong lastCompletion = new AtomicLong();
        AtomicInteger errorsSeen = new AtomicInteger();
        String[] firstError = new String[1];
        List<LongSamples> samples = new ArrayList<>();
        long[] ok = new long[connections.size()];
        long[] errors = new long[connections.size()];
        long[] bytes = new long[connections.size()];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections.size(); c++) {
            LongSamples mine = new LongSamples();
            samples.add(mine);
            int slot = c;
            HttpConnection connection = connections.get(c);
            threads.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long last = 0;
                for (long i = phase.next(); i >= 0; i = phase.next()) {
                    long due = phase.due(i);
                    if (due != Long.MIN_VALUE) {
                        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    long sent = due != Long.MIN_VALUE ? due : System.nanoTime();
                    try {
                        HttpResponseReader.Reply reply = connection.exchange(requests.get((int) (i % requests.size())));
                        last = System.nanoTime();
                        bytes[slot] += reply.bytes();
                        if (reply.ok()) {
                            ok[slot]++;
                            mine.add(last - sent);
                        } else {
                            errors[slot]++;
                            noteError(errorsSeen, firstError, "status " + reply.status());
                        }
                    } catch (IOException | RuntimeException e) {
                        last = System.nanoTime();
                        errors[slot]++;
                        noteError(errorsSeen, firstError, e.toString());
                        LockSupport.parkNanos(10_000_000L); // a dead server must not turn the generator into a busy loop
                    }
                }
                lastCompletion.accumulateAndGet(last, Math::max);
            }, "load-" + c));
        }
        for (Thread t : threads) {
            t.start();
        }
        long start = phase.begin(System.nanoTime());
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = Math.max(1, lastCompletion.get() - start);
        return new Result(sum(ok), sum(errors), sum(bytes), elapsed, LongSamples.merge(samples), firstError[0]);
    }

    private static void noteError(AtomicInteger seen, String[] first, String what) {
        if (seen.getAndIncrement() == 0) {
            first[0] = what;
        }
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    int connectionCount() {
        return connections.size();
    }

    /** TCP connections opened so far over all phases: equal to {@link #connectionCount()} when every connection was kept alive. */
    int opened() {
        return connections.stream().mapToInt(HttpConnection::opened).sum();
    }

    @Override
    public void close() {
        connections.forEach(HttpConnection::close);
    }
}
