package dev.ballast.ui.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model card (as {@code ModelCardService.card} builds it) shaped for a page: the people-written
 * sections already rendered by {@link CardText} (escaped, so safe for {@code th:utext}), and the
 * generated parts as plain strings that the template escapes itself.
 *
 * @param sections        the written sections that have text, in the card's order
 * @param facts           label -> value of the generated header (task type, kind, stage, author, date, revision)
 * @param features        the input features as {@code name (type)}
 * @param architecture    model class, trainer, source and the like
 * @param hyperparameters trainer configuration and run params
 * @param usageExample    a curl command that calls the model's endpoint
 */
public record CardView(List<Section> sections, Map<String, String> facts, List<String> features, Map<String, String> architecture,
                       Map<String, String> hyperparameters, String usageExample) {

    /** One written section: its title and its HTML, produced from escaped text only. */
    public record Section(String key, String title, String html) {
    }

    private static final Map<String, String> WRITTEN = new LinkedHashMap<>();

    static {
        WRITTEN.put("description", "Description");
        WRITTEN.put("intended_use", "Intended use");
        WRITTEN.put("training_period", "Training period");
        WRITTEN.put("limitations", "Limitations");
        WRITTEN.put("ethical_considerations", "Ethical considerations");
        WRITTEN.put("notes", "Notes");
    }

    public static CardView of(Map<String, Object> card) {
        List<Section> sections = new ArrayList<>();
        WRITTEN.forEach((key, title) -> {
            Object text = card.get(key);
            if (text != null && !text.toString().isBlank()) {
                sections.add(new Section(key, title, CardText.html(text.toString())));
            }
        });
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "Task type", card.get("task_type"));
        put(facts, "Kind", card.get("kind"));
        put(facts, "Stage", card.get("stage"));
        put(facts, "Author", card.get("author"));
        put(facts, "Date", card.get("date"));
        Object revision = card.get("revision");
        if (revision instanceof Number n && n.intValue() > 0) {
            facts.put("Card revision", n + (card.get("edited_by") == null ? "" : " by " + card.get("edited_by")));
        }
        List<String> features = new ArrayList<>();
        if (card.get("features") instanceof List<?> list) {
            for (Object f : list) {
                if (f instanceof Map<?, ?> feature) {
                    Object type = feature.get("type");
                    features.add(feature.get("name") + (type == null ? "" : " (" + type + ")"));
                } else if (f != null) {
                    features.add(f.toString());
                }
            }
        }
        return new CardView(sections, facts, features, strings(card.get("architecture")), strings(card.get("hyperparameters")),
                card.get("usage_example") == null ? null : card.get("usage_example").toString());
    }

    private static void put(Map<String, String> facts, String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            facts.put(label, value.toString());
        }
    }

    private static Map<String, String> strings(Object map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }
}
