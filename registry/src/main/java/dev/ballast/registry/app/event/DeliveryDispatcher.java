package dev.ballast.registry.app.event;

import dev.ballast.registry.domain.event.Delivery;
import dev.ballast.registry.domain.event.EventStore;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the outbox's pending deliveries, on one daemon thread started with the application.
 *
 * <p>Each pass reads every configured webhook's oldest pending delivery (its head of line): per webhook,
 * events go out one at a time in the order they were published, and one waiting for its retry
 * holds back the later ones (a receiver that is down is down for all of them) until it is
 * delivered or has failed for good. Due heads are claimed in the database first, so several
 * replicas never send the same delivery at once, then posted concurrently. 2xx marks a delivery
 * delivered; anything else schedules the next attempt after a {@link Backoff}, or marks it
 * failed when the webhook's attempts are used up.
 *
 * <p>The thread sleeps until the next retry is due, the poll interval passes, or a publisher
 * {@linkplain #wake() wakes} it after a commit. Stopping signals it (no interrupt: H2 closes its
 * files under an interrupted thread), gives back the claims of attempts still in flight (they
 * count as not made) and waits for it at most a few seconds.
 */
@Singleton
public class DeliveryDispatcher implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final EventStore store;
    private final Webhooks webhooks;
    private final WebhookSender sender;
    private final DeliverySettings settings;
    private final Backoff backoff;
    private final Clock clock;
    private final Object signal = new Object();
    private final CompletableFuture<Void> stopping = new CompletableFuture<>();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public DeliveryDispatcher(EventStore store, Webhooks webhooks, WebhookSender sender, DeliverySettings settings, Clock clock) {
        this.store = store;
        this.webhooks = webhooks;
        this.sender = sender;
        this.settings = settings;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        this.clock = clock;
    }

    private record InFlight(Delivery delivery, Webhook webhook, CompletableFuture<DeliveryOutcome> outcome) {
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (!settings.enabled() || thread != null) {
            return;
        }
        if (!webhooks.all().isEmpty()) {
            LOG.info("Delivering registry events to webhooks {}", webhooks.all().stream().map(Webhook::name).toList());
        }
        running = true;
        thread = new Thread(this::loop, "ballast-webhook-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Makes the dispatcher read the outbox now instead of at its next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    @PreDestroy
    public synchronized void stop() {
        running = false;
        stopping.complete(null);
        wake();
        if (thread == null) {
            return;
        }
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private void loop() {
        try {
            reportUnconfigured();
        } catch (RuntimeException e) {
            LOG.warn("Could not list the webhooks with pending deliveries", e);
        }
        while (running) {
            long wakeAt;
            try {
                wakeAt = dispatchDue();
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.warn("Webhook dispatch pass failed; retrying in {}", settings.pollInterval(), e);
                wakeAt = clock.millis() + settings.pollInterval().toMillis();
            }
            if (!sleepUntil(wakeAt)) {
                break;
            }
        }
    }

    /**
     * One pass: sends every webhook's due head of line and records the outcomes.
     *
     * @return when to look again: now if something was sent (more may be queued behind it), else
     *         the earliest retry or the next poll
     */
    long dispatchDue() {
        long now = clock.millis();
        long next = now + settings.pollInterval().toMillis();
        List<InFlight> inFlight = new ArrayList<>();
        for (Webhook webhook : webhooks.all()) {
            Delivery head = store.pendingHead(webhook.name()).orElse(null);
            if (head == null) {
                continue;
            }
            if (head.nextAttemptAt() > now) {
                next = Math.min(next, head.nextAttemptAt());
            } else if (store.claim(head.id(), head.attempts(), now, now + DeliverySettings.CLAIM_TIMEOUT.toMillis())) {
                inFlight.add(new InFlight(head, webhook, sender.send(webhook, head)));
            }
        }
        for (int i = 0; i < inFlight.size(); i++) {
            InFlight attempt = inFlight.get(i);
            CompletableFuture.anyOf(attempt.outcome(), stopping).join();
            if (!attempt.outcome().isDone()) {
                releaseFrom(inFlight, i);
                return clock.millis();
            }
            record(attempt, attempt.outcome().join());
        }
        return inFlight.isEmpty() ? next : clock.millis();
    }

    private void record(InFlight attempt, DeliveryOutcome outcome) {
        Delivery d = attempt.delivery();
        int attempts = d.attempts() + 1;
        long now = clock.millis();
        if (outcome.delivered()) {
            store.markDelivered(d.id(), attempts, outcome.statusCode(), now);
            LOG.debug("Delivered event {} ({}) to webhook {} in {} attempt(s)", d.eventId(), d.eventType(), d.webhook(), attempts);
        } else if (attempts >= attempt.webhook().maxAttempts()) {
            store.markFailed(d.id(), attempts, outcome.statusCode(), outcome.error(), now);
            LOG.warn("Giving up delivery {} of event {} ({}) to webhook {} after {} attempt(s): {}", d.id(), d.eventId(),
                    d.eventType(), d.webhook(), attempts, outcome.error());
        } else {
            long nextAttempt = now + backoff.delayAfter(attempts).toMillis();
            store.markRetry(d.id(), attempts, outcome.statusCode(), outcome.error(), now, nextAttempt);
            LOG.info("Delivery {} of event {} to webhook {} failed (attempt {} of {}): {}; retrying in {} ms", d.id(), d.eventId(),
                    d.webhook(), attempts, attempt.webhook().maxAttempts(), outcome.error(), nextAttempt - now);
        }
    }

    /** The attempts not yet recorded are given back, so the next start (or another replica) makes them at once. */
    private void releaseFrom(List<InFlight> inFlight, int first) {
        for (int i = first; i < inFlight.size(); i++) {
            InFlight attempt = inFlight.get(i);
            attempt.outcome().cancel(true);
            try {
                store.release(attempt.delivery().id());
            } catch (RuntimeException e) {
                LOG.debug("Could not release the claim on delivery {} while stopping; it expires in {}", attempt.delivery().id(),
                        DeliverySettings.CLAIM_TIMEOUT, e);
            }
        }
    }

    /** Deliveries to a webhook removed from the configuration wait for it to come back; say so once. */
    private void reportUnconfigured() {
        for (String webhook : store.webhooksWithPending()) {
            if (webhooks.find(webhook).isEmpty()) {
                LOG.warn("Pending deliveries to webhook '{}' stay queued: it is no longer configured (ballast.webhooks.{}.url)",
                        webhook, webhook);
            }
        }
    }

    /** Waits until the time, a wake-up or a stop; false when stopping. */
    private boolean sleepUntil(long wakeAt) {
        synchronized (signal) {
            try {
                long wait = wakeAt - clock.millis();
                while (!woken && wait > 0 && running) {
                    signal.wait(wait);
                    wait = wakeAt - clock.millis();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            woken = false;
        }
        return running;
    }
}
