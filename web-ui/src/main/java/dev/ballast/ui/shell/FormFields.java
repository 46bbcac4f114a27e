package dev.ballast.ui.shell;

import dev.ballast.core.error.BallastException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields of an {@code application/x-www-form-urlencoded} body, decoded here from the raw
 * text. The UI's forms read their body this way instead of binding fields by name because
 * Micronaut's form binding was seen (about one request in 60, under load) to hand a field over
 * still percent-encoded ({@code Gates%20pass%3B...}), which would store a reviewer's comment
 * garbled in the audit log. Decoding the raw body has no such path. The first value of a
 * repeated field wins.
 */
public final class FormFields {
    private final Map<String, String> fields;

    private FormFields(Map<String, String> fields) {
        this.fields = fields;
    }

    public static FormFields parse(String body) {
        Map<String, String> out = new HashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    out.putIfAbsent(name, value);
                } catch (IllegalArgumentException e) {
                    throw BallastException.invalid("The form could not be read: " + e.getMessage());
                }
            }
        }
        return new FormFields(out);
    }

    /** The field's value, null when absent. */
    public String get(String name) {
        return fields.get(name);
    }
}
