package dev.ballast.registry.app.event;

import dev.ballast.registry.domain.event.RegistryEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeWriterTest {
    private final EnvelopeWriter writer = new EnvelopeWriter();

    @Test
    void writesEveryKeyInOrderAndKeepsDataAsPublished() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", "churn \"v2\"");
        data.put("version", 3);
        data.put("score", 0.25);
        data.put("exact", new BigDecimal("1.10"));
        data.put("passed", true);
        data.put("nothing", null);
        data.put("tags", List.of());
        data.put("card", Map.of());
        List<Object> mixed = new ArrayList<>();
        mixed.add(1L);
        mixed.add(null);
        mixed.add(Map.of("k", "v"));
        data.put("mixed", mixed);
        String json = writer.write("e-1", new RegistryEvent("model_version.created", data), 1_700_000_000_123L, null, null);
        assertEquals("{\"id\":\"e-1\",\"type\":\"model_version.created\",\"occurred_at\":1700000000123,\"actor\":null,"
                + "\"request_id\":null,\"data\":{\"name\":\"churn \\\"v2\\\"\",\"version\":3,\"score\":0.25,\"exact\":1.10,"
                + "\"passed\":true,\"nothing\":null,\"tags\":[],\"card\":{},\"mixed\":[1,null,{\"k\":\"v\"}]}}", json);
    }

    @Test
    void refusesValuesJsonCannotHold() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.write("e", new RegistryEvent("x.y",
                Map.of("model", Map.of("when", java.time.Instant.EPOCH))), 0, "a", "r"));
        assertTrue(e.getMessage().contains("data.model.when is a java.time.Instant"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> writer.write("e", new RegistryEvent("x.y", Map.of("v", Double.NaN)), 0, "a", "r"));
        assertThrows(IllegalArgumentException.class,
                () -> writer.write("e", new RegistryEvent("x.y", Map.of("v", Map.of(1, "one"))), 0, "a", "r"));
    }
}
