package dev.ballast.registry.domain.card;

import dev.ballast.core.error.BallastException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sections of a model card that people write (the rest is generated from what Ballast
 * knows). Edits replace sections one by one; an empty text clears a section.
 */
public final class CardSections {
    public static final List<String> EDITABLE = List.of("description", "intended_use", "training_period", "limitations",
            "ethical_considerations", "notes");
    public static final int MAX_SECTION_LENGTH = 20_000;

    private CardSections() {
    }

    /** The sections after applying {@code edits} to {@code current}; unknown sections are refused. */
    public static Map<String, String> apply(Map<String, String> current, Map<String, String> edits) {
        if (edits == null || edits.isEmpty()) {
            throw BallastException.invalid("Give at least one section to edit in 'sections': " + String.join(", ", EDITABLE) + ".");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : EDITABLE) {
            if (current.containsKey(name)) {
                out.put(name, current.get(name));
            }
        }
        edits.forEach((name, text) -> {
            if (!EDITABLE.contains(name)) {
                throw BallastException.invalid("Unknown or generated card section '" + name + "'. People edit: " + String.join(", ", EDITABLE)
                        + "; the other sections are generated from the registry, the run and its lineage.");
            }
            if (text != null && text.length() > MAX_SECTION_LENGTH) {
                throw BallastException.invalid("Card section '" + name + "' is " + text.length() + " characters long; the maximum is "
                        + MAX_SECTION_LENGTH + ".");
            }
            if (text == null || text.isBlank()) {
                out.remove(name);
            } else {
                out.put(name, text);
            }
        });
        return out;
    }
}
