package dev.ballast.platform.registry;

import dev.ballast.platform.registry.WebhookReceiver.Received;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import dev.ballast.registry.app.event.EventPublisher;
import dev.ballast.registry.domain.event.RegistryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registry events reach webhooks over real HTTP: signed, with the documented headers and body,
 * retried until the receiver accepts, never for a rolled-back change, re-queued by an operator
 * after they failed for good, and delivered after Ballast restarts between the event and its
 * delivery. Events are published through a test-only controller ({@link EventTestController})
 * that does what registry services do: publish inside their transaction.
 */
class WebhookDeliveryIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MAIN_SECRET = "main-secret-for-tests";
    private static final String GATES_SECRET = "gates-secret-for-tests";

    private static WebhookReceiver receiver;
    private static BallastTestServer server;
    private static String admin;
    private static final AtomicBoolean gatesDown = new AtomicBoolean();

    @BeforeAll
    static void start() throws IOException {
        receiver = new WebhookReceiver(Map.of("/main", MAIN_SECRET, "/gates", GATES_SECRET)).start();
        // "/main" fails the first data.fail_times attempts of an event, so a test can script retries.
        receiver.respond("/main", r -> attemptsSoFar(r) < ((Number) data(r).getOrDefault("fail_times", 0)).intValue() ? 500 : 200);
        receiver.respond("/gates", r -> gatesDown.get() ? 503 : 204);
        Map<String, Object> props = new HashMap<>();
        props.put("ballast.test.events-controller", "true");
        props.put("ballast.webhooks.main.url", receiver.url("/main"));
        props.put("ballast.webhooks.main.secret", MAIN_SECRET);
        props.put("ballast.webhooks.gates.url", receiver.url("/gates"));
        props.put("ballast.webhooks.gates.secret", GATES_SECRET);
        props.put("ballast.webhooks.gates.events", List.of("gate.evaluated"));
        props.put("ballast.webhooks.gates.max-attempts", 2);
        props.put("ballast.webhook-delivery.initial-backoff", "100ms");
        props.put("ballast.webhook-delivery.max-backoff", "1s");
        props.put("ballast.webhook-delivery.poll-interval", "500ms");
        server = BallastTestServer.start(props);
        admin = server.adminAuth();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void deliversASignedEventWithItsHeadersAndEnvelope() {
        String marker = UUID.randomUUID().toString();
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("name", "churn");
        data.put("version", 3);
        data.put("marker", marker);
        data.put("tags", List.of("a", "b"));
        data.put("card", Map.of("approved", true, "notes", List.of()));
        data.put("description", null);
        TestResponse published = publish("model_version.created", data);
        assertEquals(200, published.status(), published.toString());

        Received r = receiver.await(forMarker("/main", marker), WAIT);
        assertTrue(r.signatureValid(), "signature verifies with the webhook's secret: " + r);
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals("model_version.created", r.header("X-Ballast-Event"));
        long timestamp = Long.parseLong(r.header("X-Ballast-Timestamp"));
        assertTrue(Math.abs(System.currentTimeMillis() / 1000 - timestamp) < 300, "timestamp is the sending time in epoch seconds");
        assertTrue(Long.parseLong(r.header("X-Ballast-Delivery")) > 0);

        Map<String, Object> envelope = json(r.body());
        assertEquals(List.of("id", "type", "occurred_at", "actor", "request_id", "data"), List.copyOf(envelope.keySet()));
        assertEquals(r.header("X-Ballast-Event-Id"), envelope.get("id"));
        assertEquals("model_version.created", envelope.get("type"));
        assertEquals("admin", envelope.get("actor"));
        assertEquals(published.header("X-Request-Id"), envelope.get("request_id"), "the publishing request's id");
        assertTrue(((Number) envelope.get("occurred_at")).longValue() > 1_600_000_000_000L, "epoch milliseconds");
        assertEquals(data, envelope.get("data"), "data as published, nulls and empty lists included");

        awaitTrue(() -> "delivered".equals(field("main", (String) envelope.get("id"), "status")));
        assertEquals(null, deliveryOf("gates", (String) envelope.get("id")), "the gates webhook takes gate.evaluated only");
    }

    @Test
    void retriesUntilTheReceiverAccepts() {
        String marker = UUID.randomUUID().toString();
        assertEquals(200, publish("promotion.requested", Map.of("marker", marker, "fail_times", 2)).status());

        awaitTrue(() -> receiver.received(forMarker("/main", marker)).stream().anyMatch(r -> r.answered() == 200));
        List<Received> attempts = receiver.received(forMarker("/main", marker));
        assertEquals(List.of(500, 500, 200), attempts.stream().map(Received::answered).toList());
        assertEquals(1, attempts.stream().map(Received::body).distinct().count(), "every attempt sends the same body");
        assertEquals(1, attempts.stream().map(r -> r.header("X-Ballast-Delivery")).distinct().count());
        assertTrue(attempts.stream().allMatch(Received::signatureValid));

        String eventId = attempts.get(0).header("X-Ballast-Event-Id");
        awaitTrue(() -> "delivered".equals(field("main", eventId, "status")));
        Map<String, Object> delivery = deliveryOf("main", eventId);
        assertEquals(3, delivery.get("attempts"));
        assertEquals(200, delivery.get("last_status_code"));
        assertNotNull(delivery.get("delivered_at"));
    }

    @Test
    void aRolledBackChangeEmitsNothing() {
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();
        TestResponse failed = server.postJson("/api/test/events/rolled-back",
                body("alias.moved", Map.of("marker", rolledBack)), admin);
        assertEquals(400, failed.status(), failed.toString());
        assertEquals("INVALID_STATE", failed.errorCode());
        assertEquals(200, publish("alias.moved", Map.of("marker", committed)).status());

        // Each webhook gets its events in order, so once the later event is in, the earlier one would have been too.
        receiver.await(forMarker("/main", committed), WAIT);
        assertEquals(List.of(), receiver.received(r -> r.body().contains(rolledBack)));
        TestResponse all = server.get("/api/v1/webhooks/main/deliveries?max_results=1000", admin);
        assertFalse(all.body().contains(rolledBack));
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        EventPublisher publisher = server.context().getBean(EventPublisher.class);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> publisher.publish(new RegistryEvent("alias.moved", Map.of()), "admin"));
        assertTrue(e.getMessage().contains("inside the transaction"), e.getMessage());
    }

    @Test
    void aWebhookWithoutHttpUrlOrSecretStopsStartUp() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> BallastTestServer.start(Map.of(
                "ballast.webhooks.bad.url", "ftp://hooks.example.com/x", "ballast.webhooks.bad.secret", "s")).close());
        assertTrue(causes(e).contains("ballast.webhooks.bad.url must be an http:// or https:// URL"), causes(e));
        e = assertThrows(RuntimeException.class, () -> BallastTestServer.start(Map.of(
                "ballast.webhooks.bad.url", "https://hooks.example.com/x")).close());
        assertTrue(causes(e).contains("ballast.webhooks.bad.secret must not be empty"), causes(e));
    }

    private static String causes(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            s.append(t.getMessage()).append('\n');
        }
        return s.toString();
    }

    @Test
    void operatorsSeeWebhooksAndRequeueAFailedDelivery() {
        TestResponse hooks = server.get("/api/v1/webhooks", admin);
        assertEquals(200, hooks.status(), hooks.toString());
        assertFalse(hooks.body().contains(MAIN_SECRET) || hooks.body().contains(GATES_SECRET), "secrets are never shown");
        Map<String, Object> gates = webhooks().get("gates");
        assertEquals(receiver.url("/gates"), gates.get("url"));
        assertEquals(List.of("gate.evaluated"), gates.get("events"));
        assertEquals(2, gates.get("max_attempts"));
        assertEquals(List.of("*"), webhooks().get("main").get("events"));

        String engineer = server.createUser("webhook-engineer", "ENGINEER");
        assertEquals(403, server.get("/api/v1/webhooks", engineer).status());
        assertEquals(404, server.get("/api/v1/webhooks/nope/deliveries", admin).status());
        assertEquals(400, server.get("/api/v1/webhooks/gates/deliveries?status=lost", admin).status());

        gatesDown.set(true);
        String marker = UUID.randomUUID().toString();
        assertEquals(200, publish("gate.evaluated", Map.of("marker", marker, "passed", false)).status());
        Received first = receiver.await(forMarker("/gates", marker), WAIT);
        String eventId = first.header("X-Ballast-Event-Id");
        awaitTrue(() -> "failed".equals(field("gates", eventId, "status")));
        Map<String, Object> dead = deliveryOf("gates", eventId);
        assertEquals(2, dead.get("attempts"));
        assertEquals(503, dead.get("last_status_code"));
        assertEquals("HTTP 503: receiver says no", dead.get("last_error"));
        assertEquals(null, dead.get("next_attempt_at"), "a failed delivery is not scheduled");
        TestResponse failedOnly = server.get("/api/v1/webhooks/gates/deliveries?status=failed", admin);
        assertTrue(failedOnly.body().contains(eventId));
        assertTrue(((Number) webhooks().get("gates").get("failed_deliveries")).longValue() >= 1);

        gatesDown.set(false);
        Number id = (Number) dead.get("id");
        TestResponse retried = server.postJson("/api/v1/webhooks/gates/deliveries/" + id + "/retry", "", admin);
        assertEquals(200, retried.status(), retried.toString());
        awaitTrue(() -> "delivered".equals(field("gates", eventId, "status")));
        assertEquals(204, receiver.received(forMarker("/gates", marker)).get(2).answered());
        assertEquals(1, deliveryOf("gates", eventId).get("attempts"), "a re-queued delivery counts its attempts afresh");

        TestResponse again = server.postJson("/api/v1/webhooks/gates/deliveries/" + id + "/retry", "", admin);
        assertEquals(400, again.status());
        assertEquals("INVALID_STATE", again.errorCode());
        assertEquals(404, server.postJson("/api/v1/webhooks/main/deliveries/" + id + "/retry", "", admin).status(),
                "the delivery belongs to another webhook");
    }

    @Test
    void deliversAnEventPublishedBeforeARestartOnceTheReceiverIsBack() throws IOException {
        String marker = UUID.randomUUID().toString();
        receiver.stop();
        String eventId;
        Object deliveryId;
        try {
            assertEquals(200, publish("stage.transitioned", Map.of("marker", marker, "to", "Production")).status());
            // stage.transitioned is published by this test only.
            Map<String, Object> pending = awaitPendingDelivery("main", "stage.transitioned");
            eventId = (String) pending.get("event_id");
            deliveryId = pending.get("id");
            awaitTrue(() -> field("main", eventId, "attempts") instanceof Number n && n.intValue() >= 1);
            Map<String, Object> refused = deliveryOf("main", eventId);
            assertEquals("pending", refused.get("status"));
            assertNotNull(refused.get("last_error"), "the connection was refused");
            assertEquals(null, refused.get("last_status_code"));

            server.restart();
        } finally {
            receiver.start();
        }

        Received r = receiver.await(forMarker("/main", marker), WAIT);
        assertTrue(r.signatureValid(), "signed with the configured secret after the restart: " + r);
        assertEquals(eventId, r.header("X-Ballast-Event-Id"));
        assertEquals(String.valueOf(deliveryId), r.header("X-Ballast-Delivery"));
        assertEquals("stage.transitioned", r.header("X-Ballast-Event"));
        Map<String, Object> envelope = json(r.body());
        assertEquals(eventId, envelope.get("id"));
        assertEquals(Map.of("marker", marker, "to", "Production"), envelope.get("data"));
        awaitTrue(() -> "delivered".equals(field("main", eventId, "status")));
        assertTrue(((Number) deliveryOf("main", eventId).get("attempts")).intValue() >= 2);
    }

    @Test
    void deliversARealRegistryEventAcrossARestart() throws IOException {
        String model = "webhook-" + UUID.randomUUID().toString().substring(0, 8);
        receiver.stop();
        try {
            assertEquals(200, server.postJson("/api/2.0/mlflow/registered-models/create", "{\"name\":\"" + model + "\"}", admin)
                    .status());
            TestResponse created = server.postJson("/api/2.0/mlflow/model-versions/create", "{\"name\":\"" + model
                    + "\",\"source\":\"s3://models/" + model + "\"}", admin);
            assertEquals(200, created.status(), created.toString());
            server.restart();
        } finally {
            receiver.start();
        }
        Received r = receiver.await(req -> "/main".equals(req.path()) && "model_version.created".equals(req.header("X-Ballast-Event"))
                && req.body().contains(model), WAIT);
        assertTrue(r.signatureValid(), "signed after the restart: " + r);
        Map<String, Object> envelope = json(r.body());
        assertEquals(model, ((Map<?, ?>) envelope.get("data")).get("model"));
        assertEquals("1", ((Map<?, ?>) envelope.get("data")).get("version"));
        assertEquals("admin", envelope.get("actor"));
    }

    // ---- helpers ----

    private static TestResponse publish(String type, Map<String, Object> data) {
        return server.postJson("/api/test/events", body(type, data), admin);
    }

    private static String body(String type, Map<String, Object> data) {
        return toJson(Map.of("type", type, "data", data));
    }

    private static String toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder s = new StringBuilder("{");
            map.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append(toJson(k)).append(':').append(toJson(v)));
            return s.append('}').toString();
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(WebhookDeliveryIT::toJson).toList()) + "]";
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return (Map<String, Object>) new Yaml().load(body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Received r) {
        Object data = json(r.body()).get("data");
        return data instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** How many earlier requests carried the same event (the receiver is called before it records the request). */
    private static int attemptsSoFar(Received r) {
        String id = r.header("X-Ballast-Event-Id");
        return receiver.received(x -> x.path().equals(r.path()) && id.equals(x.header("X-Ballast-Event-Id"))).size();
    }

    private static java.util.function.Predicate<Received> forMarker(String path, String marker) {
        return r -> r.path().equals(path) && marker.equals(data(r).get("marker"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> webhooks() {
        Map<String, Map<String, Object>> byName = new HashMap<>();
        for (Object o : (List<Object>) server.get("/api/v1/webhooks", admin).json().get("webhooks")) {
            Map<String, Object> hook = (Map<String, Object>) o;
            byName.put((String) hook.get("name"), hook);
        }
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> deliveries(String webhook) {
        TestResponse r = server.get("/api/v1/webhooks/" + webhook + "/deliveries?max_results=1000", admin);
        assertEquals(200, r.status(), r.toString());
        return (List<Map<String, Object>>) r.json().get("deliveries");
    }

    private static Map<String, Object> deliveryOf(String webhook, String eventId) {
        return deliveries(webhook).stream().filter(d -> eventId.equals(d.get("event_id"))).findFirst().orElse(null);
    }

    /** A pending delivery of an event of the type, as the operators' API shows it. */
    private static Map<String, Object> awaitPendingDelivery(String webhook, String type) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> d : deliveries(webhook)) {
                if ("pending".equals(d.get("status")) && type.equals(d.get("event_type"))) {
                    return d;
                }
            }
            sleep(25);
        }
        throw new AssertionError("no pending delivery of a " + type + " event to " + webhook);
    }

    /** A field of the event's delivery to the webhook, null while there is none. */
    private static Object field(String webhook, String eventId, String name) {
        Map<String, Object> d = deliveryOf(webhook, eventId);
        return d == null ? null : d.get(name);
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
