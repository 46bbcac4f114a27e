package dev.ballast.registry.app.card;

import java.util.List;
import java.util.Map;

/**
 * Renders a card (as built by {@link ModelCardService}) as Markdown in the layout of our model
 * standard's MODEL_CARD.md. Text written by people is escaped so that it cannot inject HTML or
 * break the tables when the Markdown is rendered.
 */
public final class ModelCardMarkdown {
    private ModelCardMarkdown() {
    }

    @SuppressWarnings("unchecked")
    public static String render(Map<String, Object> card) {
        StringBuilder md = new StringBuilder();
        md.append("# Model Card: ").append(text(card.get("name"))).append(" v").append(card.get("version")).append("\n\n");
        md.append("## General information\n\n");
        line(md, "Name", card.get("name"));
        line(md, "Version", card.get("version"));
        line(md, "Date", card.get("date"));
        line(md, "Author", card.get("author"));
        line(md, "Task type", card.get("task_type"));
        line(md, "Stage", card.get("stage"));
        List<Object> aliases = (List<Object>) card.get("aliases");
        if (aliases != null && !aliases.isEmpty()) {
            line(md, "Aliases", String.join(", ", aliases.stream().map(String::valueOf).toList()));
        }
        md.append('\n');
        section(md, "Description", card.get("description"));
        section(md, "Intended use", card.get("intended_use"));

        md.append("## Training data\n\n");
        List<Map<String, Object>> data = (List<Map<String, Object>>) card.get("training_data");
        if (data == null || data.isEmpty()) {
            md.append("_No dataset is linked to the source run._\n\n");
        } else {
            md.append("| Dataset | Version | Digest | Rows | Columns | Committed | Context |\n|---|---|---|---|---|---|---|\n");
            for (Map<String, Object> d : data) {
                md.append("| ").append(cell(d.get("dataset"))).append(" | ").append(cell(d.get("version"))).append(" | `")
                        .append(cell(d.get("digest"))).append("` | ").append(cell(d.get("rows"))).append(" | ").append(cell(d.get("columns")))
                        .append(" | ").append(cell(d.get("committed_at"))).append(" | ").append(cell(d.get("context"))).append(" |\n");
            }
            md.append('\n');
        }
        if (card.get("training_period") != null) {
            line(md, "Period", card.get("training_period"));
            md.append('\n');
        }

        List<Map<String, Object>> features = (List<Map<String, Object>>) card.get("features");
        if (features != null && !features.isEmpty()) {
            md.append("## Features\n\n| Feature | Type |\n|---|---|\n");
            for (Map<String, Object> f : features) {
                md.append("| ").append(cell(f.get("name"))).append(" | ").append(cell(f.get("type"))).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Architecture\n\n");
        ((Map<String, Object>) card.get("architecture")).forEach((k, v) -> line(md, k.replace('_', ' '), v));
        md.append('\n');

        Map<String, Object> hyper = (Map<String, Object>) card.get("hyperparameters");
        md.append("## Hyperparameters\n\n");
        if (hyper == null || hyper.isEmpty()) {
            md.append("_None recorded._\n\n");
        } else {
            md.append("| Parameter | Value |\n|---|---|\n");
            hyper.forEach((k, v) -> md.append("| ").append(cell(k)).append(" | ").append(cell(v)).append(" |\n"));
            md.append('\n');
        }

        md.append("## Metrics\n\n");
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) card.get("metrics");
        if (metrics == null || metrics.isEmpty()) {
            md.append("_The source run logged no metrics._\n\n");
        } else {
            md.append("| Metric | Train | Test | Value | Gate |\n|---|---|---|---|---|\n");
            for (Map<String, Object> m : metrics) {
                md.append("| ").append(cell(m.get("metric"))).append(" | ").append(cell(m.get("train"))).append(" | ")
                        .append(cell(m.get("test"))).append(" | ").append(cell(m.get("value"))).append(" | ").append(cell(m.get("gate")))
                        .append(" |\n");
            }
            md.append('\n');
        }

        md.append("## Gate results\n\n");
        Map<String, Object> gates = (Map<String, Object>) card.get("gates");
        List<Map<String, Object>> results = gates == null ? null : (List<Map<String, Object>>) gates.get("results");
        if (results == null) {
            md.append("_Not evaluated._\n\n");
        } else {
            md.append("Target ").append(cell(gates.get("target"))).append(": **").append(Boolean.TRUE.equals(gates.get("passed"))
                    ? "passed" : "failed").append("**");
            if (gates.get("champion") != null) {
                md.append(" (compared with ").append(cell(gates.get("champion"))).append(')');
            }
            md.append("\n\n| Rule | Value | Result | Detail |\n|---|---|---|---|\n");
            for (Map<String, Object> r : results) {
                md.append("| `").append(cell(r.get("rule"))).append("` | ").append(cell(r.get("value"))).append(" | ")
                        .append(Boolean.TRUE.equals(r.get("passed")) ? "pass" : "FAIL").append(" | ").append(cell(r.get("detail")))
                        .append(" |\n");
            }
            md.append('\n');
        }

        section(md, "Limitations", card.get("limitations"));
        section(md, "Ethical considerations", card.get("ethical_considerations"));
        section(md, "Notes", card.get("notes"));
        md.append("## Usage\n\n```bash\n").append(card.get("usage_example")).append("\n```\n\n");

        md.append("## Changelog\n\n");
        for (Map<String, Object> c : (List<Map<String, Object>>) card.get("changelog")) {
            md.append("- ").append(cell(c.get("at"))).append(" ").append(cell(c.get("actor"))).append(": ").append(cell(c.get("action")))
                    .append('\n');
        }
        return md.toString();
    }

    private static void line(StringBuilder md, String label, Object value) {
        if (value != null) {
            md.append("- **").append(label).append(":** ").append(text(value)).append('\n');
        }
    }

    private static void section(StringBuilder md, String title, Object text) {
        md.append("## ").append(title).append("\n\n");
        md.append(text == null ? "_Not written yet._" : text(text)).append("\n\n");
    }

    /** Escapes HTML so people's text renders as text. */
    static String text(Object value) {
        return String.valueOf(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A table cell: escaped, on one line, with pipes escaped. */
    static String cell(Object value) {
        return value == null ? "" : text(value).replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
