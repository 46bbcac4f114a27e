package dev.ballast.registry.app.event;

import dev.ballast.registry.domain.event.RegistryEventType;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSettingsTest {

    private static WebhookProperties hook(String name, String url, String secret, List<String> events, Integer maxAttempts) {
        WebhookProperties p = new WebhookProperties(name);
        p.setUrl(url);
        p.setSecret(secret);
        p.setEvents(events);
        p.setMaxAttempts(maxAttempts);
        return p;
    }

    @Test
    void defaultsToEveryEventAndTwelveAttempts() {
        Webhook w = Webhook.of("ops", "https://hooks.example.com/ballast", "s3cret", null, null);
        assertEquals(Set.of("*"), w.events());
        assertEquals(12, w.maxAttempts());
        assertTrue(w.accepts(RegistryEventType.ALIAS_MOVED));
        assertTrue(w.accepts("anything.else"));
    }

    @Test
    void filtersByEventType() {
        Webhook w = Webhook.of("gates", "http://127.0.0.1:9000/x", "s", List.of(" gate.evaluated ", "promotion.approved"), 3);
        assertTrue(w.accepts(RegistryEventType.GATE_EVALUATED));
        assertTrue(w.accepts(RegistryEventType.PROMOTION_APPROVED));
        assertFalse(w.accepts(RegistryEventType.MODEL_VERSION_CREATED));
        assertEquals(3, w.maxAttempts());
    }

    @Test
    void refusesANonHttpUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Webhook.of("ops", "ftp://example.com/x", "s", null, null));
        assertTrue(e.getMessage().contains("ballast.webhooks.ops.url must be an http:// or https:// URL"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Webhook.of("ops", "file:///etc/passwd", "s", null, null));
        assertThrows(IllegalArgumentException.class, () -> Webhook.of("ops", "example.com/hook", "s", null, null));
        assertThrows(IllegalArgumentException.class, () -> Webhook.of("ops", "http://", "s", null, null));
        assertThrows(IllegalArgumentException.class, () -> Webhook.of("ops", "http://exa mple.com", "s", null, null));
        assertThrows(IllegalArgumentException.class, () -> Webhook.of("ops", null, "s", null, null));
    }

    @Test
    void refusesAnEmptySecret() {
        for (String secret : new String[] {null, "", "   "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Webhook.of("ops", "https://example.com/x", secret, null, null));
            assertTrue(e.getMessage().startsWith("ballast.webhooks.ops.secret must not be empty"), e.getMessage());
        }
    }

    @Test
    void refusesUnknownEventTypesAndOddAttempts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Webhook.of("ops", "https://example.com/x", "s", List.of("model_version.create"), null));
        assertTrue(e.getMessage().contains("unknown event type 'model_version.create'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Webhook.of("ops", "https://example.com/x", "s", null, 0));
        assertThrows(IllegalArgumentException.class, () -> Webhook.of("ops", "https://example.com/x", "s", null, 101));
    }

    @Test
    void neverShowsTheSecret() {
        assertFalse(Webhook.of("ops", "https://example.com/x", "very-secret", null, null).toString().contains("very-secret"));
    }

    @Test
    void startUpFailsOnABadWebhookWithTheKeyInTheMessage() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new Webhooks(List.of(
                hook("good", "https://example.com/a", "s", null, null),
                hook("bad", "mailto:ops@example.com", "s", null, null))));
        assertTrue(e.getMessage().contains("ballast.webhooks.bad.url"), e.getMessage());
    }

    @Test
    void subscribersAreTheMatchingWebhooks() {
        Webhooks hooks = new Webhooks(List.of(
                hook("b-all", "https://example.com/a", "s", List.of("*"), null),
                hook("a-gates", "https://example.com/b", "s", List.of("gate.evaluated"), null)));
        assertEquals(List.of("a-gates", "b-all"), hooks.subscribers(RegistryEventType.GATE_EVALUATED));
        assertEquals(List.of("b-all"), hooks.subscribers(RegistryEventType.ALIAS_MOVED));
        assertEquals(List.of("a-gates", "b-all"), hooks.all().stream().map(Webhook::name).toList());
    }

    @Test
    void deliverySettingsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> new DeliverySettings(true, Duration.ZERO, Duration.ofMinutes(10), Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class,
                () -> new DeliverySettings(true, Duration.ofMinutes(20), Duration.ofMinutes(10), Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class,
                () -> new DeliverySettings(true, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ZERO));
    }
}
