package dev.ballast.registry.app.event;

import dev.ballast.registry.domain.event.Delivery;
import dev.ballast.registry.domain.event.DeliveryStatus;
import dev.ballast.registry.domain.event.EventStore;
import dev.ballast.registry.domain.event.NewEvent;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox in memory, with the semantics of {@code JdbcEventStore}, for dispatcher tests. */
final class InMemoryEventStore implements EventStore {
    final Map<Long, Delivery> rows = new LinkedHashMap<>();
    final Map<Long, Long> claims = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized void append(NewEvent e) {
        for (String webhook : e.webhooks()) {
            long id = nextId++;
            rows.put(id, new Delivery(id, e.id(), e.type(), webhook, DeliveryStatus.PENDING, 0, e.createdAt(), null, null, null,
                    e.createdAt(), null, e.envelope()));
        }
    }

    @Override
    public synchronized Optional<Delivery> pendingHead(String webhook) {
        return rows.values().stream().filter(d -> d.webhook().equals(webhook) && d.status() == DeliveryStatus.PENDING)
                .min(Comparator.comparingLong(Delivery::id));
    }

    @Override
    public synchronized List<String> webhooksWithPending() {
        return rows.values().stream().filter(d -> d.status() == DeliveryStatus.PENDING).map(Delivery::webhook).distinct().sorted()
                .toList();
    }

    @Override
    public synchronized boolean claim(long id, int attempts, long now, long claimUntil) {
        Long held = claims.get(id);
        Delivery d = rows.get(id);
        if (d.status() != DeliveryStatus.PENDING || d.attempts() != attempts || d.nextAttemptAt() > now || held != null && held >= now) {
            return false;
        }
        claims.put(id, claimUntil);
        return true;
    }

    @Override
    public synchronized void release(long id) {
        claims.remove(id);
    }

    @Override
    public synchronized void markDelivered(long id, int attempts, int statusCode, long now) {
        Delivery d = rows.get(id);
        rows.put(id, new Delivery(id, d.eventId(), d.eventType(), d.webhook(), DeliveryStatus.DELIVERED, attempts, d.nextAttemptAt(),
                now, statusCode, d.lastError(), d.createdAt(), now, d.envelope()));
        claims.remove(id);
    }

    @Override
    public synchronized void markRetry(long id, int attempts, Integer statusCode, String error, long now, long nextAttemptAt) {
        Delivery d = rows.get(id);
        rows.put(id, new Delivery(id, d.eventId(), d.eventType(), d.webhook(), DeliveryStatus.PENDING, attempts, nextAttemptAt,
                now, statusCode, error, d.createdAt(), null, d.envelope()));
        claims.remove(id);
    }

    @Override
    public synchronized void markFailed(long id, int attempts, Integer statusCode, String error, long now) {
        Delivery d = rows.get(id);
        rows.put(id, new Delivery(id, d.eventId(), d.eventType(), d.webhook(), DeliveryStatus.FAILED, attempts, d.nextAttemptAt(),
                now, statusCode, error, d.createdAt(), null, d.envelope()));
        claims.remove(id);
    }

    @Override
    public synchronized List<Delivery> deliveries(String webhook, DeliveryStatus status, int limit) {
        return rows.values().stream().filter(d -> d.webhook().equals(webhook) && (status == null || d.status() == status))
                .sorted(Comparator.comparingLong(Delivery::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized Optional<Delivery> delivery(String webhook, long id) {
        return Optional.ofNullable(rows.get(id)).filter(d -> d.webhook().equals(webhook));
    }

    @Override
    public synchronized boolean requeue(String webhook, long id, long now) {
        Delivery d = rows.get(id);
        if (d == null || d.status() != DeliveryStatus.FAILED) {
            return false;
        }
        rows.put(id, new Delivery(id, d.eventId(), d.eventType(), d.webhook(), DeliveryStatus.PENDING, 0, now, d.lastAttemptAt(),
                d.lastStatusCode(), d.lastError(), d.createdAt(), null, d.envelope()));
        return true;
    }

    @Override
    public synchronized long count(String webhook, DeliveryStatus status) {
        return rows.values().stream().filter(d -> d.webhook().equals(webhook) && d.status() == status).count();
    }
}
