package dev.ballast.drift.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ballast.core.error.BallastException;
import dev.ballast.drift.domain.Correction;
import dev.ballast.drift.domain.DriftSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of {@code POST /api/v1/drift/ks} in one streaming pass into primitive arrays: samples of a million
 * values are 8 MB here instead of tens of MB of boxed numbers in a generic JSON tree. Every problem is refused with
 * {@code INVALID_PARAMETER_VALUE} naming the field; unknown fields are refused too, so that a misspelt
 * {@code "corection"} does not silently run with the default.
 */
final class DriftRequestReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final long maxValues;
    private long values;

    DriftRequestReader(long maxValues) {
        this.maxValues = maxValues;
    }

    DriftRequest read(InputStream body) {
        try (JsonParser p = JSON.createParser(body)) {
            return request(p);
        } catch (JsonProcessingException e) {
            throw BallastException.invalid("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DriftRequest request(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw BallastException.invalid("The body must be a JSON object with 'reference' and 'current'.");
        }
        DriftRequest.Side reference = null;
        DriftRequest.Side current = null;
        double alpha = DriftSettings.DEFAULT_ALPHA;
        Correction correction = Correction.BONFERRONI;
        double threshold = DriftSettings.DEFAULT_THRESHOLD;
        int minSamples = DriftSettings.DEFAULT_MIN_SAMPLES;
        int psiBins = DriftSettings.DEFAULT_PSI_BINS;
        List<String> features = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (name) {
                case "reference" -> reference = side(p, "reference");
                case "current" -> current = side(p, "current");
                case "alpha" -> alpha = number(p, name);
                case "threshold" -> threshold = number(p, name);
                case "min_samples" -> minSamples = integer(p, name);
                case "psi_bins" -> psiBins = integer(p, name);
                case "correction" -> correction = Correction.parse(text(p, name));
                case "features" -> features = names(p);
                default -> throw BallastException.invalid("Unknown field '" + name + "'. Known: reference, current, alpha, "
                        + "correction, threshold, min_samples, psi_bins, features.");
            }
        }
        if (reference == null || current == null) {
            throw BallastException.invalid("Missing value for parameter '" + (reference == null ? "reference" : "current") + "'.");
        }
        return new DriftRequest(reference, current, new DriftSettings(alpha, correction, threshold, minSamples, psiBins), features);
    }

    /** Either {@code {"dataset": "name", "version": "ref"}} or {@code {"feature": [values], ...}}. */
    private DriftRequest.Side side(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw BallastException.invalid("'" + field + "' must be an object of feature arrays or {\"dataset\", \"version\"}.");
        }
        Map<String, DriftRequest.RawFeature> features = new LinkedHashMap<>();
        String dataset = null;
        String version = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                if (features.containsKey(name)) {
                    throw BallastException.invalid("'" + field + "." + name + "' is given twice.");
                }
                features.put(name, values(p, field + "." + name));
            } else if (name.equals("dataset") && t == JsonToken.VALUE_STRING) {
                dataset = p.getText();
            } else if (name.equals("version") && (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT)) {
                version = p.getText();
            } else {
                throw BallastException.invalid("'" + field + "." + name + "' must be an array of values.");
            }
        }
        if (dataset != null) {
            if (!features.isEmpty()) {
                throw BallastException.invalid("'" + field + "' names a dataset and also holds samples; send one or the other.");
            }
            return new DriftRequest.DatasetRef(dataset, version == null || version.isBlank() ? "latest" : version);
        }
        if (version != null) {
            throw BallastException.invalid("'" + field + ".version' needs '" + field + ".dataset'.");
        }
        if (features.isEmpty()) {
            throw BallastException.invalid("'" + field + "' holds no features.");
        }
        return new DriftRequest.Samples(features);
    }

    private DriftRequest.RawFeature values(JsonParser p, String field) throws IOException {
        double[] numbers = null;
        Map<String, Long> categories = null;
        int length = 0;
        long missing = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (++values > maxValues) {
                throw BallastException.invalid("The request holds more than " + maxValues + " values (ballast.drift.max-values).");
            }
            switch (t) {
                case VALUE_NULL -> missing++;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    if (categories != null) {
                        throw mixed(field);
                    }
                    if (numbers == null) {
                        numbers = new double[64];
                    } else if (length == numbers.length) {
                        numbers = Arrays.copyOf(numbers, (int) Math.min(Integer.MAX_VALUE - 8, numbers.length * 2L));
                    }
                    numbers[length++] = p.getDoubleValue();
                }
                case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> {
                    if (numbers != null) {
                        throw mixed(field);
                    }
                    if (categories == null) {
                        categories = new HashMap<>();
                    }
                    categories.merge(p.getText(), 1L, Long::sum);
                }
                default -> throw BallastException.invalid("'" + field + "' must hold numbers, strings or nulls only.");
            }
        }
        if (numbers == null && categories == null && missing == 0) {
            throw BallastException.invalid("'" + field + "' is empty.");
        }
        if (categories != null) {
            return new DriftRequest.CategoryValues(categories, missing);
        }
        return new DriftRequest.NumericValues(numbers == null ? new double[0] : numbers, length, missing);
    }

    private static BallastException mixed(String field) {
        return BallastException.invalid("'" + field + "' mixes numbers and strings; a feature is numeric or categorical.");
    }

    private static List<String> names(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw BallastException.invalid("'features' must be an array of feature names.");
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw BallastException.invalid("'features' must be an array of feature names.");
            }
            if (!out.contains(p.getText())) {
                out.add(p.getText());
            }
        }
        if (out.isEmpty()) {
            throw BallastException.invalid("'features' is empty; leave it out to test every feature.");
        }
        return out;
    }

    private static double number(JsonParser p, String field) throws IOException {
        if (!p.currentToken().isNumeric()) {
            throw BallastException.invalid("'" + field + "' must be a number.");
        }
        return p.getDoubleValue();
    }

    private static int integer(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || !p.getNumberType().equals(JsonParser.NumberType.INT)) {
            throw BallastException.invalid("'" + field + "' must be an integer.");
        }
        return p.getIntValue();
    }

    private static String text(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw BallastException.invalid("'" + field + "' must be a string.");
        }
        return p.getText();
    }
}
