package dev.ballast.tracking.domain.search;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The whitelist of what run searches may name, with MLflow's identifier prefixes and attribute
 * aliases, mapped onto the {@code runs r} / {@code run_inputs d} columns.
 *
 * <p>As in MLflow, an identifier without a prefix is an attribute ({@code status = 'FINISHED'}),
 * and prefixes have aliases: {@code metric(s)}, {@code param(s)}/{@code parameter(s)},
 * {@code tag(s)}, {@code attribute(s)}/{@code attr}/{@code run}, {@code dataset(s)}.
 */
final class RunFields implements FieldResolver {
    static final RunFields INSTANCE = new RunFields();

    private static final Map<String, Field> ATTRIBUTES = new LinkedHashMap<>();
    private static final Map<String, Field> DATASETS = new LinkedHashMap<>();

    static {
        Field runId = attribute("run_id", "r.run_uuid", ValueType.STRING, Operator.IDENTITY, false);
        Field runName = attribute("run_name", "r.run_name", ValueType.STRING, Operator.STRING, false);
        // start_time is nullable in the schema but always set when a run is created; treating it as
        // non-null keeps the default ordering in the order of ix_runs_experiment_start.
        Field startTime = attribute("start_time", "r.start_time", ValueType.INTEGER, Operator.NUMERIC, false);
        ATTRIBUTES.put("run_id", runId);
        ATTRIBUTES.put("run_uuid", runId);
        ATTRIBUTES.put("run_name", runName);
        ATTRIBUTES.put("run name", runName);
        ATTRIBUTES.put("Run name", runName);
        ATTRIBUTES.put("Run Name", runName);
        ATTRIBUTES.put("status", attribute("status", "r.status", ValueType.STRING, Operator.STRING, false));
        ATTRIBUTES.put("user_id", attribute("user_id", "r.user_id", ValueType.STRING, Operator.STRING, true));
        ATTRIBUTES.put("artifact_uri", attribute("artifact_uri", "r.artifact_uri", ValueType.STRING, Operator.STRING, false));
        ATTRIBUTES.put("start_time", startTime);
        ATTRIBUTES.put("created", startTime);
        ATTRIBUTES.put("Created", startTime);
        ATTRIBUTES.put("end_time", attribute("end_time", "r.end_time", ValueType.INTEGER, Operator.NUMERIC, true));

        DATASETS.put("name", dataset("name", "d.dataset_name"));
        DATASETS.put("digest", dataset("digest", "d.dataset_digest"));
        DATASETS.put("context", dataset("context", "d.context"));
    }

    private RunFields() {
    }

    @Override
    public Field forFilter(String prefix, String key) throws UnknownFieldException {
        FieldKind kind = kindOf(prefix);
        return switch (kind) {
            case METRIC -> Field.keyed(FieldKind.METRIC, key, ValueType.DOUBLE, Operator.NUMERIC);
            case PARAM -> Field.keyed(FieldKind.PARAM, key, ValueType.STRING, Operator.STRING);
            case TAG -> Field.keyed(FieldKind.TAG, key, ValueType.STRING, Operator.STRING);
            case ATTRIBUTE -> attribute(key);
            case DATASET -> {
                Field f = DATASETS.get(key);
                if (f == null) {
                    throw new UnknownFieldException("invalid dataset key '" + key + "'; valid keys are name, digest, context");
                }
                yield f;
            }
        };
    }

    @Override
    public Field forOrderBy(String prefix, String key) throws UnknownFieldException {
        FieldKind kind = kindOf(prefix);
        if (kind == FieldKind.DATASET) {
            throw new UnknownFieldException("runs cannot be ordered by dataset fields; order by metrics, params, tags or attributes");
        }
        return forFilter(prefix, key);
    }

    private static Field attribute(String key) throws UnknownFieldException {
        Field f = ATTRIBUTES.get(key);
        if (f == null) {
            throw new UnknownFieldException("invalid attribute key '" + key + "'; valid keys are run_id, run_name, status, user_id, "
                    + "artifact_uri, start_time, end_time, created (identifiers other than attributes need a prefix such as "
                    + "metrics., params., tags. or dataset.)");
        }
        return f;
    }

    private static FieldKind kindOf(String prefix) throws UnknownFieldException {
        if (prefix == null) {
            return FieldKind.ATTRIBUTE;
        }
        switch (prefix.toLowerCase(Locale.ROOT)) {
            case "metric":
            case "metrics":
                return FieldKind.METRIC;
            case "param":
            case "params":
            case "parameter":
            case "parameters":
                return FieldKind.PARAM;
            case "tag":
            case "tags":
                return FieldKind.TAG;
            case "attribute":
            case "attributes":
            case "attr":
            case "run":
                return FieldKind.ATTRIBUTE;
            case "dataset":
            case "datasets":
                return FieldKind.DATASET;
            default:
                throw new UnknownFieldException("invalid entity type '" + prefix + "'; valid types are metrics, params, tags, "
                        + "attributes and datasets");
        }
    }

    private static Field attribute(String name, String column, ValueType type, Set<Operator> ops, boolean nullable) {
        return Field.column(FieldKind.ATTRIBUTE, name, column, type, ops, nullable);
    }

    private static Field dataset(String name, String column) {
        return Field.column(FieldKind.DATASET, name, column, ValueType.STRING, Operator.DATASET, true);
    }
}
