package dev.ballast.registry.domain.event;

import java.util.Map;

/** TEMPORARY STUB (replaced by helper/events). */
public record RegistryEvent(String type, Map<String, Object> data) {
}
