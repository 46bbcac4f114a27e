package dev.ballast.registry.app.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the rows of a prediction request in any of the formats serving clients send, in one
 * streaming pass: Ballast's {@code {"inputs": {...}}} (one row; a list of objects is a batch) and
 * {@code {"instances": [{...}, ...]}}, and MLflow's scoring formats
 * {@code {"dataframe_split": {"columns": [...], "data": [[...], ...]}}} and
 * {@code {"dataframe_records": [{...}, ...]}}. Values are kept as read (number, string, boolean,
 * null) so {@link RowValidator} can name each wrong one; nested values are refused here.
 */
public final class InputRows {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final String FORMATS = "{\"inputs\": {...}}, {\"instances\": [{...}]}, "
            + "{\"dataframe_split\": {\"columns\": [...], \"data\": [[...]]}} or {\"dataframe_records\": [{...}]}";

    private InputRows() {
    }

    /** The rows of {@code body}; at most {@code maxRows} of them, else 400 naming the limit. */
    public static List<Map<String, Object>> parse(byte[] body, int maxRows) {
        if (body == null || body.length == 0) {
            throw BallastException.invalid("The request body is empty; send " + FORMATS + ".");
        }
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw BallastException.invalid("The request body must be a JSON object: " + FORMATS + ".");
            }
            List<Map<String, Object>> rows = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "inputs" -> rows = value == JsonToken.START_ARRAY ? records(p, "inputs", maxRows) : List.of(record(p, "inputs", 0));
                    case "instances", "dataframe_records" -> rows = records(p, field, maxRows);
                    case "dataframe_split" -> rows = split(p, maxRows);
                    default -> p.skipChildren();
                }
            }
            if (rows == null) {
                throw BallastException.invalid("No input rows found; send " + FORMATS + ".");
            }
            if (rows.isEmpty()) {
                throw BallastException.invalid("The request has no rows to predict.");
            }
            return rows;
        } catch (IOException e) {
            throw new BallastException(ErrorCode.BAD_REQUEST, "Malformed JSON request body: " + firstLine(e.getMessage()));
        }
    }

    private static List<Map<String, Object>> records(JsonParser p, String field, int maxRows) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw BallastException.invalid("'" + field + "' must be a list of objects (one per row).");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            limit(rows.size(), maxRows);
            rows.add(record(p, field, rows.size()));
        }
        return rows;
    }

    private static Map<String, Object> record(JsonParser p, String field, int row) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw BallastException.invalid("Row " + row + " of '" + field + "' must be an object of feature values.");
        }
        Map<String, Object> values = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            values.put(name, scalar(p, p.nextToken(), row, name));
        }
        return values;
    }

    private static List<Map<String, Object>> split(JsonParser p, int maxRows) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw BallastException.invalid("'dataframe_split' must be an object with 'columns' and 'data'.");
        }
        List<String> columns = null;
        List<List<Object>> data = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("columns")) {
                columns = new ArrayList<>();
                expectArray(t, "dataframe_split.columns");
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.VALUE_STRING) {
                        throw BallastException.invalid("'dataframe_split.columns' must be a list of column names.");
                    }
                    columns.add(p.getText());
                }
            } else if (name.equals("data")) {
                data = new ArrayList<>();
                expectArray(t, "dataframe_split.data");
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    limit(data.size(), maxRows);
                    expectArray(t, "row " + data.size() + " of dataframe_split.data");
                    List<Object> row = new ArrayList<>();
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        row.add(scalar(p, t, data.size(), "column " + row.size()));
                    }
                    data.add(row);
                }
            } else {
                p.skipChildren();
            }
        }
        if (columns == null || data == null) {
            throw BallastException.invalid("'dataframe_split' needs both 'columns' and 'data'.");
        }
        List<Map<String, Object>> rows = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            List<Object> row = data.get(i);
            if (row.size() != columns.size()) {
                throw BallastException.invalid("Row " + i + " of dataframe_split.data has " + row.size() + " values for "
                        + columns.size() + " columns.");
            }
            Map<String, Object> values = new HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                values.put(columns.get(c), row.get(c));
            }
            rows.add(values);
        }
        return rows;
    }

    private static Object scalar(JsonParser p, JsonToken t, int row, String name) throws IOException {
        return switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING -> p.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw BallastException.invalid("Row " + row + ": '" + name + "' must be a single value, not a nested "
                    + (t == JsonToken.START_ARRAY ? "list" : "object") + ".");
        };
    }

    private static void expectArray(JsonToken t, String what) {
        if (t != JsonToken.START_ARRAY) {
            throw BallastException.invalid("'" + what + "' must be a list.");
        }
    }

    private static void limit(int rows, int maxRows) {
        if (rows >= maxRows) {
            throw BallastException.invalid("The batch has more than " + maxRows + " rows, the limit (ballast.serving.max-batch-rows);"
                    + " split it into smaller requests.");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
