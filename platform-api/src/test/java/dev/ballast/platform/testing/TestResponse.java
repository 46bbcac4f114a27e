package dev.ballast.platform.testing;

import org.yaml.snakeyaml.Yaml;

import java.util.List;
import java.util.Map;

/** A response as a test sees it: status, headers and body, with the body parsed as JSON on demand. */
public record TestResponse(int status, Map<String, List<String>> headers, String body) {

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }

    /** The body parsed as a JSON object (JSON is YAML, so SnakeYAML reads it without another library). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        Object parsed = new Yaml().load(body);
        if (!(parsed instanceof Map)) {
            throw new AssertionError("body is not a JSON object: " + body);
        }
        return (Map<String, Object>) parsed;
    }

    public String errorCode() {
        return (String) json().get("error_code");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
