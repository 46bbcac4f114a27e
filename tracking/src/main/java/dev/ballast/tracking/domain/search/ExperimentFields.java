package dev.ballast.tracking.domain.search;

import java.util.Map;

/**
 * The whitelist of what experiment searches may name, as MLflow's
 * {@code SearchExperimentsUtils}: attributes (with or without an {@code attribute.} prefix) and
 * {@code tags.<key>}, mapped onto the {@code experiments e} columns.
 */
final class ExperimentFields implements FieldResolver {
    static final ExperimentFields INSTANCE = new ExperimentFields();

    private static final Field NAME = Field.column(FieldKind.ATTRIBUTE, "name", "e.name", ValueType.STRING, Operator.STRING, false);
    private static final Field CREATION_TIME = Field.column(FieldKind.ATTRIBUTE, "creation_time", "e.creation_time",
            ValueType.INTEGER, Operator.NUMERIC, false);
    private static final Field LAST_UPDATE_TIME = Field.column(FieldKind.ATTRIBUTE, "last_update_time", "e.last_update_time",
            ValueType.INTEGER, Operator.NUMERIC, false);
    private static final Field EXPERIMENT_ID = Field.column(FieldKind.ATTRIBUTE, "experiment_id", "e.experiment_id",
            ValueType.INTEGER, Operator.NUMERIC, false);

    private static final Map<String, Field> FILTERABLE = Map.of(
            "name", NAME, "creation_time", CREATION_TIME, "last_update_time", LAST_UPDATE_TIME);
    private static final Map<String, Field> ORDERABLE = Map.of(
            "name", NAME, "experiment_id", EXPERIMENT_ID, "creation_time", CREATION_TIME, "last_update_time", LAST_UPDATE_TIME);

    private ExperimentFields() {
    }

    @Override
    public Field forFilter(String prefix, String key) throws UnknownFieldException {
        if (TagPrefix.isTag(prefix, "experiments")) {
            return Field.keyed(FieldKind.TAG, key, ValueType.STRING, Operator.STRING);
        }
        Field f = FILTERABLE.get(key);
        if (f == null) {
            throw new UnknownFieldException("invalid attribute key '" + key + "'; experiments can be filtered by name, creation_time, "
                    + "last_update_time and tags.<key>");
        }
        return f;
    }

    @Override
    public Field forOrderBy(String prefix, String key) throws UnknownFieldException {
        if (TagPrefix.isTag(prefix, "experiments")) {
            throw new UnknownFieldException("experiments cannot be ordered by tags; order by name, experiment_id, creation_time "
                    + "or last_update_time");
        }
        Field f = ORDERABLE.get(key);
        if (f == null) {
            throw new UnknownFieldException("invalid attribute key '" + key + "'; experiments can be ordered by name, experiment_id, "
                    + "creation_time and last_update_time");
        }
        return f;
    }
}
