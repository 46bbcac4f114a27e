package dev.ballast.registry.domain.search;

import dev.ballast.tracking.domain.search.Field;
import dev.ballast.tracking.domain.search.FieldKind;
import dev.ballast.tracking.domain.search.FieldResolver;
import dev.ballast.tracking.domain.search.Operator;
import dev.ballast.tracking.domain.search.TagPrefix;
import dev.ballast.tracking.domain.search.UnknownFieldException;
import dev.ballast.tracking.domain.search.ValueType;

import java.util.Map;
import java.util.TreeMap;

/**
 * The whitelists of what registered-model and model-version searches may name, as MLflow's
 * {@code SearchModelUtils} and {@code SearchModelVersionUtils}: attributes (with or without an
 * {@code attribute.} prefix) and {@code tags.<key>}, mapped onto the registry's columns.
 */
final class RegistryFields implements FieldResolver {
    static final Field MODEL_NAME = Field.column(FieldKind.ATTRIBUTE, "name", "m.name", ValueType.STRING, Operator.STRING, false);

    /** Registered models: filter by name and tags; order by name and timestamps. */
    static final RegistryFields MODELS = new RegistryFields("registered models",
            Map.of("name", MODEL_NAME),
            Map.of("name", MODEL_NAME,
                    "creation_timestamp", integer("creation_timestamp", "m.creation_time"),
                    "last_updated_timestamp", integer("last_updated_timestamp", "m.last_updated_time"),
                    "timestamp", integer("last_updated_timestamp", "m.last_updated_time")));

    private static final Field VERSION_NUMBER = integer("version_number", "v.version");

    /** Model versions: filter by name, run_id (also IN), source_path, version_number and tags. */
    static final RegistryFields VERSIONS = new RegistryFields("model versions",
            Map.of("name", MODEL_NAME,
                    "run_id", Field.column(FieldKind.ATTRIBUTE, "run_id", "v.run_id", ValueType.STRING, Operator.IDENTITY, true),
                    "source_path", Field.column(FieldKind.ATTRIBUTE, "source_path", "v.source", ValueType.STRING, Operator.STRING, false),
                    "version_number", VERSION_NUMBER),
            Map.of("name", MODEL_NAME,
                    "version_number", VERSION_NUMBER,
                    "creation_timestamp", integer("creation_timestamp", "v.creation_time"),
                    "last_updated_timestamp", integer("last_updated_timestamp", "v.last_updated_time"),
                    "timestamp", integer("last_updated_timestamp", "v.last_updated_time")));

    private final String entity;
    private final Map<String, Field> filterable;
    private final Map<String, Field> orderable;

    private RegistryFields(String entity, Map<String, Field> filterable, Map<String, Field> orderable) {
        this.entity = entity;
        this.filterable = new TreeMap<>(filterable);
        this.orderable = new TreeMap<>(orderable);
    }

    private static Field integer(String name, String column) {
        return Field.column(FieldKind.ATTRIBUTE, name, column, ValueType.INTEGER, Operator.NUMERIC, false);
    }

    @Override
    public Field forFilter(String prefix, String key) throws UnknownFieldException {
        if (TagPrefix.isTag(prefix, entity)) {
            return Field.keyed(FieldKind.TAG, key, ValueType.STRING, Operator.STRING);
        }
        Field f = filterable.get(key);
        if (f == null) {
            throw new UnknownFieldException("invalid attribute key '" + key + "'; " + entity + " can be filtered by "
                    + String.join(", ", filterable.keySet()) + " and tags.<key>");
        }
        return f;
    }

    @Override
    public Field forOrderBy(String prefix, String key) throws UnknownFieldException {
        if (TagPrefix.isTag(prefix, entity)) {
            throw new UnknownFieldException(entity + " cannot be ordered by tags; order by " + String.join(", ", orderable.keySet()));
        }
        Field f = orderable.get(key);
        if (f == null) {
            throw new UnknownFieldException("invalid order_by key '" + key + "'; " + entity + " can be ordered by "
                    + String.join(", ", orderable.keySet()));
        }
        return f;
    }
}
