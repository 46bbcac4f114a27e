package dev.ballast.registry.store.event;

import dev.ballast.core.jdbc.Jdbc;
import dev.ballast.registry.domain.event.Delivery;
import dev.ballast.registry.domain.event.DeliveryStatus;
import dev.ballast.registry.domain.event.EventStore;
import dev.ballast.registry.domain.event.NewEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link EventStore} on {@code registry_events} and {@code webhook_deliveries}. Claims are a
 * conditional update (portable to H2 and PostgreSQL, no row locks held while sending).
 */
@Singleton
public class JdbcEventStore implements EventStore {
    private static final int MAX_ERROR = 2000;
    private static final String PENDING = DeliveryStatus.PENDING.value();
    private static final String COLUMNS = "d.delivery_id, d.event_id, e.event_type, d.webhook, d.status, d.attempts, "
            + "d.next_attempt_at, d.last_attempt_at, d.last_status_code, d.last_error, d.created_at, d.delivered_at, e.envelope";
    private static final String FROM = " FROM webhook_deliveries d JOIN registry_events e ON e.event_id = d.event_id ";

    private final Jdbc jdbc;

    public JdbcEventStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(NewEvent event) {
        jdbc.update("INSERT INTO registry_events (event_id, event_type, envelope, created_at, actor, request_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                event.id(), event.type(), event.envelope(), event.createdAt(), event.actor(), event.requestId());
        List<Object[]> rows = new ArrayList<>();
        for (String webhook : event.webhooks()) {
            rows.add(new Object[] {event.id(), webhook, PENDING, 0, event.createdAt(), event.createdAt()});
        }
        jdbc.batch("INSERT INTO webhook_deliveries (event_id, webhook, status, attempts, next_attempt_at, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    @Override
    public Optional<Delivery> pendingHead(String webhook) {
        // One seek on ix_webhook_deliveries_queue, however long the queue behind it.
        return jdbc.queryOne("SELECT " + COLUMNS + FROM + "WHERE d.webhook = ? AND d.status = ? ORDER BY d.delivery_id LIMIT 1",
                JdbcEventStore::delivery, webhook, PENDING);
    }

    @Override
    public List<String> webhooksWithPending() {
        return jdbc.query("SELECT DISTINCT webhook FROM webhook_deliveries WHERE status = ? ORDER BY webhook", rs -> rs.getString(1),
                PENDING);
    }

    @Override
    public boolean claim(long deliveryId, int attempts, long now, long claimUntil) {
        return jdbc.update("UPDATE webhook_deliveries SET claimed_until = ? WHERE delivery_id = ? AND status = ? AND attempts = ? "
                        + "AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)",
                claimUntil, deliveryId, PENDING, attempts, now, now) == 1;
    }

    @Override
    public void release(long deliveryId) {
        jdbc.update("UPDATE webhook_deliveries SET claimed_until = NULL WHERE delivery_id = ?", deliveryId);
    }

    @Override
    public void markDelivered(long deliveryId, int attempts, int statusCode, long now) {
        jdbc.update("UPDATE webhook_deliveries SET status = ?, attempts = ?, last_status_code = ?, last_attempt_at = ?, "
                        + "delivered_at = ?, claimed_until = NULL WHERE delivery_id = ?",
                DeliveryStatus.DELIVERED.value(), attempts, statusCode, now, now, deliveryId);
    }

    @Override
    public void markRetry(long deliveryId, int attempts, @Nullable Integer statusCode, String error, long now, long nextAttemptAt) {
        jdbc.update("UPDATE webhook_deliveries SET attempts = ?, last_status_code = ?, last_error = ?, last_attempt_at = ?, "
                        + "next_attempt_at = ?, claimed_until = NULL WHERE delivery_id = ?",
                attempts, statusCode, truncate(error), now, nextAttemptAt, deliveryId);
    }

    @Override
    public void markFailed(long deliveryId, int attempts, @Nullable Integer statusCode, String error, long now) {
        jdbc.update("UPDATE webhook_deliveries SET status = ?, attempts = ?, last_status_code = ?, last_error = ?, "
                        + "last_attempt_at = ?, claimed_until = NULL WHERE delivery_id = ?",
                DeliveryStatus.FAILED.value(), attempts, statusCode, truncate(error), now, deliveryId);
    }

    @Override
    public List<Delivery> deliveries(String webhook, @Nullable DeliveryStatus status, int limit) {
        String page = " ORDER BY d.delivery_id DESC LIMIT " + limit;
        if (status == null) {
            return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE d.webhook = ?" + page, JdbcEventStore::delivery, webhook);
        }
        return jdbc.query("SELECT " + COLUMNS + FROM + "WHERE d.webhook = ? AND d.status = ?" + page, JdbcEventStore::delivery,
                webhook, status.value());
    }

    @Override
    public Optional<Delivery> delivery(String webhook, long deliveryId) {
        return jdbc.queryOne("SELECT " + COLUMNS + FROM + "WHERE d.webhook = ? AND d.delivery_id = ?", JdbcEventStore::delivery,
                webhook, deliveryId);
    }

    @Override
    public boolean requeue(String webhook, long deliveryId, long now) {
        return jdbc.update("UPDATE webhook_deliveries SET status = ?, attempts = 0, next_attempt_at = ?, claimed_until = NULL "
                        + "WHERE webhook = ? AND delivery_id = ? AND status = ?",
                PENDING, now, webhook, deliveryId, DeliveryStatus.FAILED.value()) == 1;
    }

    @Override
    public long count(String webhook, DeliveryStatus status) {
        return jdbc.queryLong("SELECT COUNT(*) FROM webhook_deliveries WHERE webhook = ? AND status = ?", webhook, status.value());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        long lastStatus = rs.getLong("last_status_code");
        Integer statusCode = rs.wasNull() ? null : (int) lastStatus;
        return new Delivery(rs.getLong("delivery_id"), rs.getString("event_id"), rs.getString("event_type"), rs.getString("webhook"),
                DeliveryStatus.of(rs.getString("status")), rs.getInt("attempts"), rs.getLong("next_attempt_at"),
                Jdbc.nullableLong(rs, "last_attempt_at"), statusCode, rs.getString("last_error"), rs.getLong("created_at"),
                Jdbc.nullableLong(rs, "delivered_at"), rs.getString("envelope"));
    }
}
