package dev.ballast.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contents of {@code model/ballast-model.json}: what a Tribuo model in {@code model/model.tribuo}
 * predicts from which features, and how it was trained. It exists so Ballast (and a person
 * reading the artifact) can know a model's schema and recipe without deserializing it, and so the
 * loader can check the serialized model against what the engineer logged.
 *
 * <p>JSON field names are snake_case: {@code format_version}, {@code task_type},
 * {@code model_class}, {@code tribuo_version}, {@code created_at}, {@code features}
 * ({@code [{name, type}]}), {@code output} ({@code {name, type, labels | dimensions}}) and
 * {@code trainer} ({@code {class, configuration}}). Unknown fields are ignored so older readers
 * accept descriptors from newer writers of the same format version.
 *
 * @param formatVersion  {@link #FORMAT_VERSION} for descriptors written by this code
 * @param taskType       what the model predicts
 * @param features       the model's features in Tribuo's feature-id order
 * @param output         the prediction's name, type and domain
 * @param trainer        the trainer class and its configured parameters (from Tribuo's provenance)
 * @param tribuoVersion  the Tribuo version that trained the model
 * @param modelClass     the Tribuo {@code Model} subclass
 * @param createdAt      when the descriptor was written
 */
public record BallastModelDescriptor(int formatVersion, TaskType taskType, List<Feature> features, Output output,
                                     Trainer trainer, String tribuoVersion, String modelClass, Instant createdAt) {

    /** The format this code reads and writes. */
    public static final int FORMAT_VERSION = 1;
    /** The descriptor's file name inside the model directory. */
    public static final String FILE_NAME = "ballast-model.json";
    /** The serialized Tribuo model's file name inside the model directory. */
    public static final String MODEL_FILE_NAME = "model.tribuo";
    /** The feature type of Tribuo's real-valued features, the only kind Tribuo models take. */
    public static final String DOUBLE = "double";
    /** The output type of label-predicting tasks. */
    public static final String STRING = "string";
    /** Feature and output types the format knows; Tribuo models use {@link #DOUBLE} features. */
    public static final Set<String> KNOWN_TYPES = Set.of(DOUBLE, "float", "integer", "long", "boolean", STRING);

    /**
     * One input feature.
     *
     * @param name the feature name Tribuo knows it by
     * @param type one of {@link #KNOWN_TYPES}
     */
    public record Feature(String name, String type) {
    }

    /**
     * What the model predicts.
     *
     * @param name       the prediction's name (a regression's dimension names, joined by commas when several)
     * @param type       {@link #DOUBLE} for regression, {@link #STRING} for label tasks
     * @param labels     the label domain of label tasks, sorted; null for regression
     * @param dimensions the regression dimensions in Tribuo's order; null for label tasks
     */
    public record Output(String name, String type, List<String> labels, List<String> dimensions) {
        public Output {
            labels = labels == null ? null : Collections.unmodifiableList(new ArrayList<>(labels));
            dimensions = dimensions == null ? null : Collections.unmodifiableList(new ArrayList<>(dimensions));
        }
    }

    /**
     * The training recipe.
     *
     * @param className     the Tribuo {@code Trainer} class
     * @param configuration its configured parameters as Tribuo's provenance records them: values are
     *                      strings, lists or nested maps (a nested configurable object carries its
     *                      {@code class-name})
     */
    public record Trainer(String className, Map<String, Object> configuration) {
        public Trainer {
            configuration = configuration == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        }
    }

    public BallastModelDescriptor {
        features = features == null ? null : Collections.unmodifiableList(new ArrayList<>(features));
    }

    /** The feature names in order. */
    public List<String> featureNames() {
        return features == null ? List.of() : features.stream().map(Feature::name).toList();
    }

    /** Every rule this descriptor breaks, as sentences naming the field; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (formatVersion != FORMAT_VERSION) {
            problems.add("format_version is " + formatVersion + " but this Ballast reads format " + FORMAT_VERSION
                    + (formatVersion > FORMAT_VERSION ? " (written by a newer Ballast client?)" : ""));
        }
        if (taskType == null) {
            problems.add("task_type is missing (one of " + TaskType.jsonNames() + ")");
        }
        checkFeatures(problems);
        checkOutput(problems);
        if (trainer == null) {
            problems.add("trainer is missing");
        } else if (blank(trainer.className())) {
            problems.add("trainer.class is missing");
        }
        if (blank(tribuoVersion)) {
            problems.add("tribuo_version is missing");
        }
        if (blank(modelClass)) {
            problems.add("model_class is missing");
        }
        if (createdAt == null) {
            problems.add("created_at is missing");
        }
        return problems;
    }

    private void checkFeatures(List<String> problems) {
        if (features == null || features.isEmpty()) {
            problems.add("features is missing or empty");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            if (f == null || blank(f.name())) {
                problems.add("features[" + i + "].name is missing");
                continue;
            }
            if (!seen.add(f.name())) {
                problems.add("features[" + i + "].name '" + f.name() + "' appears more than once");
            }
            if (blank(f.type())) {
                problems.add("features[" + i + "].type is missing");
            } else if (!KNOWN_TYPES.contains(f.type())) {
                problems.add("features[" + i + "].type '" + f.type() + "' is not one of " + new TreeSet<>(KNOWN_TYPES));
            }
        }
    }

    private void checkOutput(List<String> problems) {
        if (output == null) {
            problems.add("output is missing");
            return;
        }
        if (blank(output.name())) {
            problems.add("output.name is missing");
        }
        if (taskType == null) {
            return;
        }
        if (taskType.predictsLabels()) {
            if (!STRING.equals(output.type())) {
                problems.add("output.type must be '" + STRING + "' for a " + taskType.jsonName() + " model, not '" + output.type() + "'");
            }
            checkNames(problems, "output.labels", output.labels(), taskType.jsonName());
            if (output.dimensions() != null) {
                problems.add("output.dimensions is only for regression models");
            }
        } else {
            if (!DOUBLE.equals(output.type())) {
                problems.add("output.type must be '" + DOUBLE + "' for a regression model, not '" + output.type() + "'");
            }
            checkNames(problems, "output.dimensions", output.dimensions(), taskType.jsonName());
            if (output.labels() != null) {
                problems.add("output.labels is only for label-predicting models, not regression");
            }
        }
    }

    private static void checkNames(List<String> problems, String field, List<String> names, String task) {
        if (names == null || names.isEmpty()) {
            problems.add(field + " is missing or empty for a " + task + " model");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (blank(n)) {
                problems.add(field + "[" + i + "] is empty");
            } else if (!seen.add(n)) {
                problems.add(field + "[" + i + "] '" + n + "' appears more than once");
            }
        }
    }

    /** This descriptor, if it breaks no rule. */
    public BallastModelDescriptor validate() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidModelDescriptorException(problems);
        }
        return this;
    }

    /** The descriptor as pretty-printed UTF-8 JSON, after checking it is valid. */
    public byte[] toJson() {
        validate();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format_version", formatVersion);
        root.put("task_type", taskType.jsonName());
        root.put("model_class", modelClass);
        root.put("tribuo_version", tribuoVersion);
        root.put("created_at", createdAt.toString());
        List<Object> fs = new ArrayList<>();
        for (Feature f : features) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("type", f.type());
            fs.add(m);
        }
        root.put("features", fs);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", output.name());
        out.put("type", output.type());
        if (output.labels() != null) {
            out.put("labels", output.labels());
        }
        if (output.dimensions() != null) {
            out.put("dimensions", output.dimensions());
        }
        root.put("output", out);
        Map<String, Object> tr = new LinkedHashMap<>();
        tr.put("class", trainer.className());
        tr.put("configuration", trainer.configuration());
        root.put("trainer", tr);
        return Json.write(root, true);
    }

    /** The descriptor as a JSON string (see {@link #toJson()}). */
    public String toJsonString() {
        return new String(toJson(), StandardCharsets.UTF_8);
    }

    /**
     * Reads and validates a descriptor.
     *
     * @throws InvalidModelDescriptorException listing every problem: not JSON, wrong field types,
     *                                         missing fields, broken rules
     */
    public static BallastModelDescriptor fromJson(byte[] json) {
        Object tree;
        try {
            tree = Json.parse(json);
        } catch (IOException e) {
            throw new InvalidModelDescriptorException(List.of("not valid JSON: " + firstLine(e.getMessage())));
        }
        if (!(tree instanceof Map<?, ?>)) {
            throw new InvalidModelDescriptorException(List.of("the document must be a JSON object"));
        }
        DescriptorReader reader = new DescriptorReader(Json.object(tree));
        BallastModelDescriptor descriptor = reader.read();
        List<String> problems = new ArrayList<>(reader.problems());
        problems.addAll(descriptor.problems().stream().filter(p -> !reader.reported(p)).toList());
        if (!problems.isEmpty()) {
            throw new InvalidModelDescriptorException(problems);
        }
        return descriptor;
    }

    /** Reads and validates a descriptor from a JSON string. */
    public static BallastModelDescriptor fromJson(String json) {
        return fromJson(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Maps the JSON tree onto the record, noting fields of the wrong JSON type. */
    private static final class DescriptorReader {
        private final Map<String, Object> root;
        private final List<String> problems = new ArrayList<>();
        private final Set<String> badFields = new HashSet<>();

        DescriptorReader(Map<String, Object> root) {
            this.root = root;
        }

        List<String> problems() {
            return problems;
        }

        /** Whether a later rule's problem is about a field already reported as mistyped. */
        boolean reported(String problem) {
            return badFields.stream().anyMatch(f -> problem.startsWith(f + " ") || problem.startsWith(f + "[") || problem.startsWith(f + "."));
        }

        BallastModelDescriptor read() {
            int formatVersion = readFormatVersion();
            TaskType task = null;
            String taskName = string(root, "task_type", "task_type");
            if (taskName != null) {
                task = TaskType.fromJsonName(taskName).orElse(null);
                if (task == null) {
                    bad("task_type", "task_type '" + taskName + "' is not one of " + TaskType.jsonNames());
                }
            }
            Instant createdAt = null;
            String created = string(root, "created_at", "created_at");
            if (created != null) {
                try {
                    createdAt = Instant.parse(created);
                } catch (DateTimeParseException e) {
                    bad("created_at", "created_at '" + created + "' is not an ISO-8601 instant such as 2025-01-31T12:00:00Z");
                }
            }
            return new BallastModelDescriptor(formatVersion, task, features(), output(), trainer(),
                    string(root, "tribuo_version", "tribuo_version"), string(root, "model_class", "model_class"), createdAt);
        }

        private int readFormatVersion() {
            Object v = root.get("format_version");
            if (v == null) {
                bad("format_version", "format_version is missing");
                return -1;
            }
            if (!(v instanceof Long l) || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                bad("format_version", "format_version must be an integer, not " + describe(v));
                return -1;
            }
            return l.intValue();
        }

        private List<Feature> features() {
            Object v = root.get("features");
            if (v == null) {
                return null;
            }
            if (!(v instanceof List<?> list)) {
                bad("features", "features must be a list of {name, type} objects, not " + describe(v));
                return null;
            }
            List<Feature> features = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String field = "features[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?>)) {
                    bad(field, field + " must be a {name, type} object, not " + describe(list.get(i)));
                    features.add(null);
                    continue;
                }
                Map<String, Object> m = Json.object(list.get(i));
                features.add(new Feature(string(m, "name", field + ".name"), string(m, "type", field + ".type")));
            }
            return features;
        }

        private Output output() {
            Object v = root.get("output");
            if (v == null) {
                return null;
            }
            if (!(v instanceof Map<?, ?>)) {
                bad("output", "output must be an object, not " + describe(v));
                return null;
            }
            Map<String, Object> m = Json.object(v);
            return new Output(string(m, "name", "output.name"), string(m, "type", "output.type"),
                    strings(m, "labels", "output.labels"), strings(m, "dimensions", "output.dimensions"));
        }

        private Trainer trainer() {
            Object v = root.get("trainer");
            if (v == null) {
                return null;
            }
            if (!(v instanceof Map<?, ?>)) {
                bad("trainer", "trainer must be an object, not " + describe(v));
                return null;
            }
            Map<String, Object> m = Json.object(v);
            Object config = m.get("configuration");
            if (config != null && !(config instanceof Map<?, ?>)) {
                bad("trainer.configuration", "trainer.configuration must be an object, not " + describe(config));
                config = null;
            }
            return new Trainer(string(m, "class", "trainer.class"), Json.object(config));
        }

        private String string(Map<String, Object> m, String key, String field) {
            Object v = m.get(key);
            if (v == null || v instanceof String) {
                return (String) v;
            }
            bad(field, field + " must be a string, not " + describe(v));
            return null;
        }

        private List<String> strings(Map<String, Object> m, String key, String field) {
            Object v = m.get(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof List<?> list) || !list.stream().allMatch(e -> e instanceof String)) {
                bad(field, field + " must be a list of strings, not " + describe(v));
                return null;
            }
            return list.stream().map(String.class::cast).toList();
        }

        private void bad(String field, String problem) {
            badFields.add(field);
            problems.add(problem);
        }

        private static String describe(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof Map<?, ?>) {
                return "an object";
            }
            if (v instanceof List<?>) {
                return "a list";
            }
            if (v instanceof String s) {
                return "the string \"" + s + "\"";
            }
            return v.toString();
        }
    }
}
