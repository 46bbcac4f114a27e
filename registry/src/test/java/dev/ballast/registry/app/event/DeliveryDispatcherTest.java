package dev.ballast.registry.app.event;

import dev.ballast.registry.domain.event.Delivery;
import dev.ballast.registry.domain.event.DeliveryStatus;
import dev.ballast.registry.domain.event.NewEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One dispatch pass at a time on a fixed clock: ordering, retries, giving up, claims. */
class DeliveryDispatcherTest {
    private static final long T0 = 1_700_000_000_000L;

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final MutableClock clock = new MutableClock(T0);
    private final ScriptedSender sender = new ScriptedSender(clock);
    private DeliveryDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        WebhookProperties a = new WebhookProperties("a");
        a.setUrl("http://127.0.0.1:1/a");
        a.setSecret("s");
        a.setMaxAttempts(3);
        WebhookProperties b = new WebhookProperties("b");
        b.setUrl("http://127.0.0.1:1/b");
        b.setSecret("s");
        DeliverySettings settings = new DeliverySettings(true, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(2));
        dispatcher = new DeliveryDispatcher(store, new Webhooks(List.of(a, b)), sender, settings, clock);
    }

    private void publish(String eventId, String... webhooks) {
        store.append(new NewEvent(eventId, "alias.moved", "{\"id\":\"" + eventId + "\"}", clock.millis(), "u", null, List.of(webhooks)));
    }

    @Test
    void sendsEachWebhooksEventsInOrderOneAtATime() {
        publish("e1", "a", "b");
        publish("e2", "a");
        dispatcher.dispatchDue();
        assertEquals(List.of("a:e1", "b:e1"), sender.sent);
        dispatcher.dispatchDue();
        assertEquals(List.of("a:e1", "b:e1", "a:e2"), sender.sent);
        assertTrue(store.rows.values().stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED));
    }

    @Test
    void aFailedHeadHoldsBackLaterEventsUntilItsRetry() {
        sender.script("a", 500, 200, 200);
        publish("e1", "a");
        publish("e2", "a");
        long next = dispatcher.dispatchDue();
        Delivery first = store.rows.get(1L);
        assertEquals(DeliveryStatus.PENDING, first.status());
        assertEquals(1, first.attempts());
        assertEquals("HTTP 500", first.lastError());
        assertTrue(first.nextAttemptAt() >= T0 + 800 && first.nextAttemptAt() <= T0 + 1200, "backoff with jitter");

        assertEquals(first.nextAttemptAt(), dispatcher.dispatchDue(), "nothing due: sleeps until the retry");
        assertEquals(List.of("a:e1"), sender.sent, "e2 waits behind e1");
        assertTrue(next >= T0);

        clock.set(first.nextAttemptAt());
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertEquals(List.of("a:e1", "a:e1", "a:e2"), sender.sent);
        assertEquals(2, store.rows.get(1L).attempts());
        assertEquals(DeliveryStatus.DELIVERED, store.rows.get(2L).status());
    }

    @Test
    void givesUpAfterMaxAttemptsAndMovesOn() {
        sender.script("a", 503, 503, 503, 200);
        publish("e1", "a");
        publish("e2", "a");
        for (int i = 0; i < 3; i++) {
            clock.set(store.rows.get(1L).nextAttemptAt());
            dispatcher.dispatchDue();
        }
        Delivery dead = store.rows.get(1L);
        assertEquals(DeliveryStatus.FAILED, dead.status());
        assertEquals(3, dead.attempts());
        assertEquals(503, dead.lastStatusCode());
        dispatcher.dispatchDue();
        assertEquals(DeliveryStatus.DELIVERED, store.rows.get(2L).status(), "the next event is no longer held back");

        assertTrue(store.requeue("a", 1L, clock.millis()));
        dispatcher.dispatchDue();
        assertEquals(DeliveryStatus.DELIVERED, store.rows.get(1L).status());
        assertEquals(1, store.rows.get(1L).attempts(), "a re-queued delivery starts counting again");
    }

    @Test
    void aConnectionErrorIsRetriedWithoutAStatus() {
        sender.failWith("a", new java.net.ConnectException("Connection refused"));
        publish("e1", "a");
        dispatcher.dispatchDue();
        Delivery d = store.rows.get(1L);
        assertEquals(DeliveryStatus.PENDING, d.status());
        assertNull(d.lastStatusCode());
        assertEquals("ConnectException: Connection refused", d.lastError());
    }

    @Test
    void skipsDeliveriesClaimedByAnotherReplica() {
        publish("e1", "a");
        assertTrue(store.claim(1L, 0, clock.millis(), clock.millis() + 60_000));
        assertFalse(store.claim(1L, 0, clock.millis(), clock.millis() + 60_000), "held");
        dispatcher.dispatchDue();
        assertTrue(sender.sent.isEmpty());
        clock.set(T0 + 60_001);
        dispatcher.dispatchDue();
        assertEquals(List.of("a:e1"), sender.sent, "an expired claim is taken over");
    }

    @Test
    void leavesDeliveriesOfUnconfiguredWebhooksQueued() {
        publish("e1", "gone");
        dispatcher.dispatchDue();
        assertTrue(sender.sent.isEmpty());
        assertEquals(DeliveryStatus.PENDING, store.rows.get(1L).status());
        assertFalse(store.claims.containsKey(1L));
    }

    /** Answers each webhook's attempts from a script (200 once it runs out). */
    private static final class ScriptedSender extends WebhookSender {
        final List<String> sent = new ArrayList<>();
        private final java.util.Map<String, Deque<Integer>> scripts = new java.util.HashMap<>();
        private final java.util.Map<String, Throwable> failures = new java.util.HashMap<>();

        ScriptedSender(Clock clock) {
            super(clock);
        }

        void script(String webhook, Integer... statuses) {
            scripts.put(webhook, new ArrayDeque<>(List.of(statuses)));
        }

        void failWith(String webhook, Throwable error) {
            failures.put(webhook, error);
        }

        @Override
        public CompletableFuture<DeliveryOutcome> send(Webhook webhook, Delivery delivery) {
            sent.add(webhook.name() + ":" + delivery.eventId());
            if (failures.containsKey(webhook.name())) {
                return CompletableFuture.completedFuture(DeliveryOutcome.failure(failures.get(webhook.name())));
            }
            Deque<Integer> script = scripts.get(webhook.name());
            int status = script == null || script.isEmpty() ? 200 : script.poll();
            return CompletableFuture.completedFuture(DeliveryOutcome.of(status, ""));
        }
    }

    private static final class MutableClock extends Clock {
        private long millis;

        MutableClock(long millis) {
            this.millis = millis;
        }

        void set(long millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
