package dev.ballast.registry.app.event;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class WebhookSignatureTest {

    @Test
    void matchesAnHmacComputedIndependently() {
        // python3 -c "import hmac,hashlib; print(hmac.new(b'whsec-test-secret', b'1700000000.' + BODY, hashlib.sha256).hexdigest())"
        String body = "{\"id\":\"3f0c1f5e-0000-4000-8000-000000000001\",\"type\":\"model_version.created\","
                + "\"data\":{\"name\":\"churn\",\"version\":3}}";
        assertEquals("sha256=48cf65e5d4ae26f3b7a8f7d40cce4e1d99b9ecec18d6124c0aacca1a7758b069",
                WebhookSignature.sign("whsec-test-secret", 1700000000L, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keyAndBodyAreUtf8() {
        // python3 -c "import hmac,hashlib; print(hmac.new('clé-ü'.encode(), b'1.' + '{\"x\":\"ñ\"}'.encode(), hashlib.sha256).hexdigest())"
        assertEquals("sha256=c1983778e55babbe06f3a042b0609e0fc6e6f67d9bacc706ba6de6d24a5fdbb1",
                WebhookSignature.sign("clé-ü", 1L, "{\"x\":\"ñ\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theTimestampIsSigned() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertNotEquals(WebhookSignature.sign("s", 1700000000L, body), WebhookSignature.sign("s", 1700000001L, body));
    }
}
