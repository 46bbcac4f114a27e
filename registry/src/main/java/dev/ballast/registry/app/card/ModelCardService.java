package dev.ballast.registry.app.card;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.registry.app.AuditLog;
import dev.ballast.registry.app.RegistryService;
import dev.ballast.registry.app.event.EventPublisher;
import dev.ballast.registry.app.gate.GateReportJson;
import dev.ballast.registry.app.gate.GateService;
import dev.ballast.registry.app.gate.VersionMetrics;
import dev.ballast.registry.domain.audit.AuditEntry;
import dev.ballast.registry.domain.audit.AuditQuery;
import dev.ballast.registry.domain.card.CardSections;
import dev.ballast.registry.domain.card.CardStore;
import dev.ballast.registry.domain.event.RegistryEvent;
import dev.ballast.registry.domain.event.RegistryEventType;
import dev.ballast.registry.domain.model.ModelVersion;
import dev.ballast.registry.domain.model.RegisteredModel;
import dev.ballast.registry.domain.model.RegistryNames;
import dev.ballast.tracking.app.RunService;
import dev.ballast.tracking.app.dataset.DatasetLineage;
import dev.ballast.tracking.domain.dataset.DatasetVersion;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model cards: generated from what Ballast knows about a version (registry, Ballast-model spec,
 * run params and metrics, gate results, dataset lineage, audit trail) and completed by people in
 * the {@link CardSections#EDITABLE} sections, whose every edit is a new, audited revision.
 * The card is an ordered JSON object; {@link ModelCardMarkdown} renders the same object.
 */
@Singleton
public class ModelCardService {
    public static final String TASK_TYPE_TAG = "ballast.task_type";

    private final RegistryService registry;
    private final CardStore cards;
    private final GateService gates;
    private final VersionMetrics metrics;
    private final RunService runs;
    private final DatasetLineage lineage;
    private final AuditLog audit;
    private final EventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    public ModelCardService(RegistryService registry, CardStore cards, GateService gates, VersionMetrics metrics, RunService runs,
                            DatasetLineage lineage, AuditLog audit, EventPublisher events, ObjectMapper json, Clock clock) {
        this.registry = registry;
        this.cards = cards;
        this.gates = gates;
        this.metrics = metrics;
        this.runs = runs;
        this.lineage = lineage;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The card of a version as an ordered JSON-able map. */
    public Map<String, Object> card(String name, String version) {
        RegisteredModel model = registry.getModel(name);
        ModelVersion v = registry.version(model, RegistryNames.parseVersion(version));
        CardStore.Revision revision = cards.latest(v.modelId(), v.version()).orElse(null);
        Map<String, String> sections = revision == null ? Map.of() : revision.sections();
        Map<String, Object> spec = spec(v);

        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", v.modelName());
        card.put("version", String.valueOf(v.version()));
        card.put("date", Instant.ofEpochMilli(v.creationTime()).atOffset(ZoneOffset.UTC).toLocalDate().toString());
        card.put("author", v.userId());
        card.put("task_type", taskType(model, v, spec));
        card.put("kind", v.kind().code());
        card.put("stage", v.stage().label());
        card.put("aliases", v.aliases());
        card.put("description", sections.getOrDefault("description", v.description() != null ? v.description() : model.description()));
        card.put("intended_use", sections.get("intended_use"));
        card.put("training_data", trainingData(v));
        card.put("training_period", sections.get("training_period"));
        card.put("features", spec.getOrDefault("features", List.of()));
        card.put("output", spec.get("output"));
        card.put("architecture", architecture(v, spec));
        card.put("hyperparameters", hyperparameters(v, spec));
        Map<String, Object> gateResults = gateResults(v);
        card.put("metrics", metricsTable(v));
        card.put("gates", gateResults);
        card.put("limitations", sections.get("limitations"));
        card.put("ethical_considerations", sections.get("ethical_considerations"));
        card.put("notes", sections.get("notes"));
        card.put("usage_example", usageExample(v, spec));
        card.put("changelog", changelog(v));
        card.put("revision", revision == null ? 0 : revision.revision());
        card.put("edited_by", revision == null ? null : revision.editedBy());
        card.put("edited_at", revision == null ? null : revision.editedAt());
        return card;
    }

    /** Applies people's edits as a new revision; answers the updated card. */
    @Transactional
    public Map<String, Object> edit(Actor actor, String name, String version, Map<String, String> edits) {
        RegisteredModel model = registry.lockModel(name);
        ModelVersion v = registry.version(model, RegistryNames.parseVersion(version));
        CardStore.Revision latest = cards.latest(v.modelId(), v.version()).orElse(null);
        Map<String, String> before = latest == null ? Map.of() : latest.sections();
        Map<String, String> after = CardSections.apply(before, edits);
        int revision = latest == null ? 1 : latest.revision() + 1;
        cards.append(v.modelId(), v.version(), new CardStore.Revision(revision, after, actor.username(), clock.millis()));
        audit.record(actor, "card.update", AuditLog.CARD, name + "/" + v.version(), name, before, after);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("model", name);
        data.put("version", String.valueOf(v.version()));
        data.put("revision", revision);
        data.put("sections", new ArrayList<>(edits.keySet()));
        events.publish(new RegistryEvent(RegistryEventType.MODEL_CARD_UPDATED, data), actor.username());
        return card(name, version);
    }

    /** Every revision of the people-written sections, oldest first. */
    public List<CardStore.Revision> history(String name, String version) {
        ModelVersion v = registry.getVersion(name, version);
        return cards.history(v.modelId(), v.version());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> spec(ModelVersion v) {
        if (v.modelSpec() == null) {
            return Map.of();
        }
        try {
            return json.readValue(v.modelSpec(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String taskType(RegisteredModel model, ModelVersion v, Map<String, Object> spec) {
        Object fromSpec = spec.get("task_type");
        if (fromSpec != null) {
            return fromSpec.toString();
        }
        return v.tags().getOrDefault(TASK_TYPE_TAG, model.tags().get(TASK_TYPE_TAG));
    }

    private List<Map<String, Object>> trainingData(ModelVersion v) {
        if (v.runId() == null) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            for (DatasetLineage.InputUse use : lineage.ofRun(v.runId()).inputs()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("dataset", use.input().name());
                row.put("digest", use.input().digest());
                row.put("context", use.input().tags().get("mlflow.data.context"));
                DatasetVersion dv = use.version();
                if (dv != null) {
                    row.put("version", "v" + dv.number());
                    row.put("commit", dv.commitId());
                    row.put("rows", dv.rows());
                    row.put("columns", dv.columns());
                    row.put("size_bytes", dv.sizeBytes());
                    row.put("committed_at", Instant.ofEpochMilli(dv.creationTime()).toString());
                } else {
                    row.put("source_type", use.input().sourceType());
                }
                out.add(row);
            }
        } catch (BallastException e) {
            if (e.code() != ErrorCode.RESOURCE_DOES_NOT_EXIST) {
                throw e;
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> architecture(ModelVersion v, Map<String, Object> spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model_class", spec.get("model_class"));
        Object trainer = spec.get("trainer");
        if (trainer instanceof Map<?, ?> t) {
            out.put("trainer", ((Map<String, Object>) t).get("class"));
        }
        out.put("tribuo_version", spec.get("tribuo_version"));
        out.put("source", v.source());
        out.put("run_id", v.runId());
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> hyperparameters(ModelVersion v, Map<String, Object> spec) {
        Map<String, Object> out = new TreeMap<>();
        Object trainer = spec.get("trainer");
        if (trainer instanceof Map<?, ?> t && t.get("configuration") instanceof Map<?, ?> config) {
            ((Map<String, Object>) config).forEach((k, value) -> out.put(k, value));
        }
        if (v.runId() != null) {
            try {
                out.putAll(runs.get(v.runId()).params());
            } catch (BallastException e) {
                if (e.code() != ErrorCode.RESOURCE_DOES_NOT_EXIST) {
                    throw e;
                }
            }
        }
        return out;
    }

    /** One row per metric: train and test values side by side, and the gate rules on it. */
    private List<Map<String, Object>> metricsTable(ModelVersion v) {
        Map<String, Double> values = metrics.of(v);
        List<String> rules = gates.rules(v.modelName()).rules().stream().map(r -> r.metric() + "|" + r.expression()).toList();
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        values.forEach((key, value) -> {
            String base = key;
            String column = "value";
            for (String prefix : List.of("train_", "test_", "val_")) {
                if (key.startsWith(prefix) && key.length() > prefix.length()) {
                    base = key.substring(prefix.length());
                    column = prefix.substring(0, prefix.length() - 1);
                }
            }
            Map<String, Object> row = rows.computeIfAbsent(base, b -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("metric", b);
                return r;
            });
            row.put(column, Double.isFinite(value) ? value : String.valueOf(value));
        });
        for (Map<String, Object> row : rows.values()) {
            String base = (String) row.get("metric");
            List<String> targets = rules.stream()
                    .filter(r -> {
                        String metric = r.substring(0, r.indexOf('|'));
                        return metric.equals(base) || metric.equals("test_" + base) || metric.equals("train_" + base);
                    })
                    .map(r -> r.substring(r.indexOf('|') + 1)).toList();
            if (!targets.isEmpty()) {
                row.put("gate", String.join("; ", targets));
            }
        }
        return new ArrayList<>(rows.values());
    }

    private Map<String, Object> gateResults(ModelVersion v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rules", gates.rules(v.modelName()).expressions());
        gates.latest(v).ifPresent(e -> {
            out.put("target", e.target());
            out.put("evaluated_at", e.evaluatedAt());
            out.putAll(GateReportJson.toMap(e.report()));
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String usageExample(ModelVersion v, Map<String, Object> spec) {
        StringBuilder inputs = new StringBuilder();
        Object features = spec.get("features");
        if (features instanceof List<?> list) {
            for (Object f : list) {
                if (f instanceof Map<?, ?> feature) {
                    inputs.append(inputs.length() == 0 ? "" : ", ").append('"').append(((Map<String, Object>) feature).get("name"))
                            .append("\": 0.0");
                }
            }
        }
        String alias = v.aliases().isEmpty() ? null : v.aliases().get(0);
        String path = alias != null ? "/serving/" + v.modelName() + "@" + alias + "/predict"
                : "/serving/" + v.modelName() + "/versions/" + v.version() + "/predict";
        return "curl -X POST \"$BALLAST_URL" + path + "\" -H \"Authorization: Bearer $BALLAST_TOKEN\""
                + " -H \"Content-Type: application/json\" -d '{\"inputs\": {" + inputs + "}}'";
    }

    private List<Map<String, Object>> changelog(ModelVersion v) {
        String id = v.modelName() + "/" + v.version();
        List<AuditEntry> entries = new ArrayList<>();
        entries.addAll(audit.find(new AuditQuery(v.modelName(), AuditLog.VERSION, id, null, null, null, null, null, 200)));
        entries.addAll(audit.find(new AuditQuery(v.modelName(), AuditLog.CARD, id, null, null, null, null, null, 200)));
        entries.sort(Comparator.comparingLong(AuditEntry::id));
        List<Map<String, Object>> out = new ArrayList<>();
        for (AuditEntry e : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", Instant.ofEpochMilli(e.occurredAt()).toString());
            row.put("actor", e.actor());
            row.put("action", e.action());
            out.add(row);
        }
        return out;
    }
}
