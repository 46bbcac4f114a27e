package dev.ballast.client;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BallastModelDescriptorTest {
    private static final Instant CREATED = Instant.parse("2025-03-01T10:15:30Z");

    static BallastModelDescriptor regression() {
        return new BallastModelDescriptor(1, TaskType.REGRESSION,
                List.of(new BallastModelDescriptor.Feature("x1", "double"), new BallastModelDescriptor.Feature("x2", "double")),
                new BallastModelDescriptor.Output("y", "double", null, List.of("y")),
                new BallastModelDescriptor.Trainer("org.tribuo.regression.sgd.linear.LinearSGDTrainer",
                        Map.of("epochs", "100", "optimiser", Map.of("class-name", "org.tribuo.math.optimisers.AdaGrad"))),
                "4.3.2", "org.tribuo.regression.sgd.linear.LinearSGDModel", CREATED);
    }

    private static String json(String body) {
        return "{\"format_version\":1,\"task_type\":\"classification\",\"model_class\":\"M\",\"tribuo_version\":\"4.3.2\","
                + "\"created_at\":\"2025-03-01T10:15:30Z\",\"features\":[{\"name\":\"x1\",\"type\":\"double\"}],"
                + "\"trainer\":{\"class\":\"T\",\"configuration\":{}}" + body + "}";
    }

    private static List<String> problems(String json) {
        return assertThrows(InvalidModelDescriptorException.class, () -> BallastModelDescriptor.fromJson(json)).problems();
    }

    @Test
    void roundTripsThroughJson() {
        BallastModelDescriptor d = regression();
        BallastModelDescriptor read = BallastModelDescriptor.fromJson(d.toJson());
        assertEquals(d, read);
        String text = d.toJsonString();
        assertTrue(text.contains("\"task_type\" : \"regression\""), text);
        assertTrue(text.contains("\"class\" : \"org.tribuo.regression.sgd.linear.LinearSGDTrainer\""), text);
        assertTrue(text.contains("\"created_at\" : \"2025-03-01T10:15:30Z\""), text);
        assertTrue(!text.contains("labels"), text);
    }

    @Test
    void readsClassificationAndIgnoresUnknownFields() {
        BallastModelDescriptor d = BallastModelDescriptor.fromJson(json(
                ",\"output\":{\"name\":\"label\",\"type\":\"string\",\"labels\":[\"a\",\"b\"]},\"written_by\":\"someone\""));
        assertEquals(TaskType.CLASSIFICATION, d.taskType());
        assertEquals(List.of("a", "b"), d.output().labels());
        assertEquals(List.of("x1"), d.featureNames());
    }

    @Test
    void listsEveryMissingField() {
        List<String> problems = problems("{}");
        assertEquals(List.of("format_version is missing", "task_type is missing (one of regression, classification, multi_label, "
                        + "clustering, anomaly_detection)", "features is missing or empty", "output is missing", "trainer is missing",
                "tribuo_version is missing", "model_class is missing", "created_at is missing"), problems);
    }

    @Test
    void namesFieldsOfTheWrongType() {
        List<String> problems = problems("{\"format_version\":\"1\",\"task_type\":\"ranking\",\"features\":[{\"name\":3},\"x\"],"
                + "\"output\":[],\"trainer\":{\"class\":\"T\",\"configuration\":[]},\"tribuo_version\":\"4.3.2\","
                + "\"model_class\":\"M\",\"created_at\":\"yesterday\"}");
        assertTrue(problems.contains("format_version must be an integer, not the string \"1\""), problems.toString());
        assertTrue(problems.contains("task_type 'ranking' is not one of regression, classification, multi_label, clustering, anomaly_detection"),
                problems.toString());
        assertTrue(problems.contains("features[0].name must be a string, not 3"), problems.toString());
        assertTrue(problems.contains("features[1] must be a {name, type} object, not the string \"x\""), problems.toString());
        assertTrue(problems.contains("output must be an object, not a list"), problems.toString());
        assertTrue(problems.contains("trainer.configuration must be an object, not a list"), problems.toString());
        assertTrue(problems.contains("created_at 'yesterday' is not an ISO-8601 instant such as 2025-01-31T12:00:00Z"), problems.toString());
        // each mistyped field is reported once, not again as "missing"
        assertEquals(7, problems.size(), problems.toString());
    }

    @Test
    void checksTheOutputAgainstTheTask() {
        assertEquals(List.of("output.labels is missing or empty for a classification model"),
                problems(json(",\"output\":{\"name\":\"label\",\"type\":\"string\"}")));
        assertEquals(List.of("output.type must be 'string' for a classification model, not 'double'",
                        "output.dimensions is only for regression models"),
                problems(json(",\"output\":{\"name\":\"label\",\"type\":\"double\",\"labels\":[\"a\"],\"dimensions\":[\"y\"]}")));
        assertEquals(List.of("output.labels[1] 'a' appears more than once"),
                problems(json(",\"output\":{\"name\":\"label\",\"type\":\"string\",\"labels\":[\"a\",\"a\"]}")));
    }

    @Test
    void refusesDuplicateAndUntypedFeatures() {
        BallastModelDescriptor d = regression();
        BallastModelDescriptor bad = new BallastModelDescriptor(1, d.taskType(),
                List.of(new BallastModelDescriptor.Feature("x1", "double"), new BallastModelDescriptor.Feature("x1", "tensor"),
                        new BallastModelDescriptor.Feature(" ", "double")),
                d.output(), d.trainer(), d.tribuoVersion(), d.modelClass(), d.createdAt());
        InvalidModelDescriptorException e = assertThrows(InvalidModelDescriptorException.class, bad::toJson);
        assertEquals(List.of("features[1].name 'x1' appears more than once",
                "features[1].type 'tensor' is not one of [boolean, double, float, integer, long, string]",
                "features[2].name is missing"), e.problems());
        assertTrue(e.getMessage().startsWith("ballast-model.json is invalid: features[1].name 'x1' appears more than once; "), e.getMessage());
    }

    @Test
    void refusesNewerFormatsAndNonJson() {
        String newer = regression().toJsonString().replace("\"format_version\" : 1", "\"format_version\" : 2");
        assertEquals(List.of("format_version is 2 but this Ballast reads format 1 (written by a newer Ballast client?)"), problems(newer));
        assertEquals(1, problems("{\"a\":1} trailing").size());
        assertTrue(problems("not json").get(0).startsWith("not valid JSON: "));
        assertEquals(List.of("the document must be a JSON object"), problems("[1]"));
        assertTrue(problems("{\"a\":1,\"a\":2}").get(0).contains("Duplicate field 'a'"));
    }
}
