package dev.ballast.platform.drift;

import dev.ballast.drift.domain.ChiSquare;
import dev.ballast.drift.domain.KsResult;
import dev.ballast.drift.domain.KsTest;
import dev.ballast.platform.testing.BallastTestServer;
import dev.ballast.platform.testing.TestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/drift/ks} over real HTTP: JSON samples (numeric and categorical), two dataset versions uploaded
 * through {@code /api/v1/datasets} (by number, {@code latest} and commit id), their text and boolean columns tested by
 * chi-square (against dataset versions and inline strings), and the refusals in the error shape.
 */
class DriftKsIT {
    private static final String KS = "/api/v1/drift/ks";
    private static BallastTestServer server;
    private static String engineer;
    private static String reviewer;

    private static final double[] BASE = normal(1, 400, 0);
    private static final double[] SHIFTED = normal(2, 300, 0.5);
    private static final double[] SAME_A = normal(3, 400, 0);
    private static final double[] SAME_B = normal(4, 300, 0);

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        engineer = server.createUser("eve", "ENGINEER");
        reviewer = server.createUser("rita", "REVIEWER");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersPerFeatureResultsAndTheDatasetVerdictForJsonSamples() {
        String body = "{\"reference\": {\"shifted\": " + json(BASE) + ", \"same\": " + json(SAME_A) + ", \"colour\": "
                + categories(300, 100, 0) + "},"
                + " \"current\": {\"shifted\": " + json(SHIFTED) + ", \"same\": " + json(SAME_B) + ", \"colour\": "
                + categories(150, 100, 50) + "}, \"alpha\": 0.05, \"correction\": \"bonferroni\"}";
        TestResponse r = server.postJson(KS, body, reviewer);
        assertEquals(200, r.status(), r.toString());
        Map<String, Object> json = r.json();
        Map<String, Map<String, Object>> features = byName(json);

        Map<String, Object> shifted = features.get("shifted");
        KsResult expected = new KsTest().sorted(sorted(BASE), sorted(SHIFTED));
        assertEquals("ks", shifted.get("test"));
        assertEquals("asymptotic", shifted.get("method"));
        assertEquals(expected.statistic(), (Double) shifted.get("statistic"), 0.0);
        assertEquals(expected.pValue(), (Double) shifted.get("p_value"), 0.0);
        assertEquals(Math.min(1, expected.pValue() * 3), (Double) shifted.get("adjusted_p_value"), 1e-15);
        assertEquals("drift", shifted.get("verdict"));
        assertEquals(400, ((Number) shifted.get("reference_size")).intValue());
        assertEquals(300, ((Number) shifted.get("current_size")).intValue());
        assertTrue((Double) shifted.get("psi") > 0.1);

        assertEquals("no_drift", features.get("same").get("verdict"));
        Map<String, Object> colour = features.get("colour");
        assertEquals("chi_square", colour.get("test"));
        assertEquals(2, ((Number) colour.get("degrees_of_freedom")).intValue());
        assertEquals("drift", colour.get("verdict"));

        assertEquals("drift", json.get("verdict"), "2 of 3 features drifted, threshold 0.5");
        assertEquals(2, ((Number) json.get("drifted_features")).intValue());
        assertEquals(3, ((Number) json.get("tested_features")).intValue());
        Map<?, ?> settings = (Map<?, ?>) json.get("settings");
        assertEquals("bonferroni", settings.get("correction"));
        assertEquals(100, ((Number) settings.get("min_samples")).intValue());
        assertNull(json.get("reference"));
    }

    @Test
    void fewValuesAreInsufficientDataAndNullsAreDroppedAndCounted() {
        String body = "{\"reference\": {\"f\": [1, 2, 3, null, 5]}, \"current\": {\"f\": [1, 2, null]}}";
        Map<String, Object> json = ok(server.postJson(KS, body, engineer));
        assertEquals("insufficient_data", json.get("verdict"));
        Map<String, Object> f = byName(json).get("f");
        assertEquals("insufficient_data", f.get("verdict"));
        assertTrue(f.containsKey("p_value"), "absent values are written as null: " + f);
        assertNull(f.get("p_value"));
        assertEquals(1, ((Number) f.get("reference_dropped")).intValue());

        Map<String, Object> small = ok(server.postJson(KS, "{\"reference\": {\"f\": [1, 2, 3, 4]}, \"current\": {\"f\": [7, 8, 9]},"
                + " \"min_samples\": 3, \"correction\": \"none\"}", engineer));
        Map<String, Object> exact = byName(small).get("f");
        assertEquals("exact", exact.get("method"));
        assertEquals(1.0, (Double) exact.get("statistic"), 0.0);
        assertEquals(2.0 / 35, (Double) exact.get("p_value"), 1e-12, "scipy.stats.ks_2samp([1,2,3,4],[7,8,9]).pvalue");
    }

    @Test
    void comparesTwoDatasetVersionsUploadedThroughTheDatasetsApi() {
        assertEquals(201, server.postJson("/api/v1/datasets", "{\"name\": \"drift-ds\"}", engineer).status());
        TestResponse v1 = server.send("POST", "/api/v1/datasets/drift-ds/versions", csv(BASE, SAME_A, 0), "text/csv", engineer);
        assertEquals(201, v1.status(), v1.toString());
        TestResponse v2 = server.send("POST", "/api/v1/datasets/drift-ds/versions", csv(SHIFTED, SAME_B, 7), "text/csv", engineer);
        assertEquals(201, v2.status(), v2.toString());
        String commit1 = (String) ((Map<?, ?>) v1.json().get("version")).get("id");

        Map<String, Object> byNumber = ok(server.postJson(KS, "{\"reference\": {\"dataset\": \"drift-ds\", \"version\": \"1\"},"
                + " \"current\": {\"dataset\": \"drift-ds\", \"version\": \"latest\"}}", reviewer));
        Map<String, Map<String, Object>> features = byName(byNumber);
        assertEquals(List.of("x", "y", "city"), List.copyOf(features.keySet()), "numeric columns, and 'city' with 6 categories");
        assertEquals("chi_square", features.get("city").get("test"));
        KsResult expected = new KsTest().sorted(sorted(BASE), sorted(SHIFTED));
        assertEquals(expected.statistic(), (Double) features.get("x").get("statistic"), 0.0);
        assertEquals(expected.pValue(), (Double) features.get("x").get("p_value"), 0.0);
        assertEquals(1, ((Number) features.get("x").get("reference_dropped")).intValue(), "one empty cell in version 1");
        assertEquals("drift", features.get("x").get("verdict"));
        assertEquals("no_drift", features.get("y").get("verdict"));
        assertEquals("no_drift", features.get("city").get("verdict"));
        assertEquals(1, ((Number) byNumber.get("drifted_features")).intValue());
        assertEquals("no_drift", byNumber.get("verdict"), "1 of 3 features drifted, threshold 0.5");
        Map<?, ?> reference = (Map<?, ?>) byNumber.get("reference");
        assertEquals("drift-ds", reference.get("dataset"));
        assertEquals(1, ((Number) reference.get("number")).intValue());
        assertEquals(2, ((Number) ((Map<?, ?>) byNumber.get("current")).get("number")).intValue());

        // the same version by commit id, one feature, against JSON samples: the same numbers
        Map<String, Object> byCommit = ok(server.postJson(KS, "{\"reference\": {\"dataset\": \"drift-ds\", \"version\": \"" + commit1
                + "\"}, \"current\": {\"x\": " + json(SHIFTED) + "}, \"features\": [\"x\"]}", reviewer));
        assertEquals(features.get("x").get("p_value"), byName(byCommit).get("x").get("p_value"));
        assertEquals(commit1, ((Map<?, ?>) byCommit.get("reference")).get("version"));

        Map<String, Object> numericOnly = ok(server.postJson(KS, "{\"reference\": {\"dataset\": \"drift-ds\", \"version\": \"1\"},"
                + " \"current\": {\"dataset\": \"drift-ds\"}, \"features\": [\"x\", \"y\"]}", reviewer));
        assertEquals("drift", numericOnly.get("verdict"), "1 of 2 features drifted, threshold 0.5");
        assertEquals(404, server.postJson(KS, "{\"reference\": {\"dataset\": \"no-such\"}, \"current\": {\"dataset\": \"drift-ds\"}}",
                reviewer).status());
    }

    @Test
    void testsTextAndBooleanDatasetColumnsWithFewCategoriesByChiSquare() {
        assertEquals(201, server.postJson("/api/v1/datasets", "{\"name\": \"drift-categories\"}", engineer).status());
        // version 1: colour red 300, blue 100 (3 empty cells); flag true 150 (as True, true and TRUE), false 253
        TestResponse v1 = server.send("POST", "/api/v1/datasets/drift-categories/versions", categoricalCsv(300, 100, 0, 3, 150, 253),
                "text/csv", engineer);
        assertEquals(201, v1.status(), v1.toString());
        TestResponse v2 = server.send("POST", "/api/v1/datasets/drift-categories/versions", categoricalCsv(150, 100, 50, 0, 100, 200),
                "text/csv", engineer);
        assertEquals(201, v2.status(), v2.toString());

        Map<String, Object> datasets = ok(server.postJson(KS, "{\"reference\": {\"dataset\": \"drift-categories\", \"version\": \"1\"},"
                + " \"current\": {\"dataset\": \"drift-categories\", \"version\": \"2\"}}", reviewer));
        Map<String, Map<String, Object>> features = byName(datasets);
        assertEquals(List.of("x", "colour", "flag"), List.copyOf(features.keySet()), "'id' has a distinct value per row: not tested");

        Map<String, Object> colour = features.get("colour");
        ChiSquare.Result expected = ChiSquare.test(Map.of("red", 300L, "blue", 100L), Map.of("red", 150L, "blue", 100L, "green", 50L));
        assertEquals("chi_square", colour.get("test"));
        assertEquals(expected.statistic(), (Double) colour.get("statistic"), 0.0);
        assertEquals(expected.pValue(), (Double) colour.get("p_value"), 0.0);
        assertEquals(2, ((Number) colour.get("degrees_of_freedom")).intValue());
        assertEquals(400, ((Number) colour.get("reference_size")).intValue());
        assertEquals(3, ((Number) colour.get("reference_dropped")).intValue(), "empty cells are missing values");
        assertEquals("drift", colour.get("verdict"));
        Map<String, Object> flag = features.get("flag");
        ChiSquare.Result expectedFlag = ChiSquare.test(Map.of("true", 150L, "false", 253L), Map.of("true", 100L, "false", 200L));
        assertEquals("chi_square", flag.get("test"));
        assertEquals(expectedFlag.statistic(), (Double) flag.get("statistic"), 0.0, "True, true and TRUE are one category");
        assertEquals(1, ((Number) flag.get("degrees_of_freedom")).intValue());
        assertEquals("ks", features.get("x").get("test"));

        // the current side inline, as strings and JSON booleans: the same counts, the same answer
        String inline = "{\"reference\": {\"dataset\": \"drift-categories\", \"version\": \"1\"}, \"current\": {\"colour\": "
                + categories(150, 100, 50) + ", \"flag\": " + IntStream.range(0, 300).mapToObj(i -> i < 100 ? "true" : "false")
                .collect(Collectors.joining(",", "[", "]")) + "}, \"features\": [\"colour\", \"flag\"]}";
        Map<String, Map<String, Object>> mixed = byName(ok(server.postJson(KS, inline, reviewer)));
        assertEquals(colour.get("statistic"), mixed.get("colour").get("statistic"));
        assertEquals(colour.get("p_value"), mixed.get("colour").get("p_value"));
        assertEquals(flag.get("statistic"), mixed.get("flag").get("statistic"));
        assertEquals(flag.get("p_value"), mixed.get("flag").get("p_value"));

        TestResponse numericVsCategories = server.postJson(KS, "{\"reference\": {\"dataset\": \"drift-categories\"}, \"current\": "
                + "{\"colour\": [1, 2, 3]}, \"features\": [\"colour\"]}", reviewer);
        assertEquals(400, numericVsCategories.status(), numericVsCategories.toString());
        assertTrue(numericVsCategories.body().contains("numeric on one side"), numericVsCategories.toString());
        TestResponse tooMany = server.postJson(KS, "{\"reference\": {\"dataset\": \"drift-categories\"}, \"current\": {\"dataset\": "
                + "\"drift-categories\"}, \"features\": [\"id\"]}", reviewer);
        assertEquals(400, tooMany.status(), tooMany.toString());
        assertTrue(tooMany.body().contains("column 'id' has 300 distinct values"), tooMany.toString());
    }

    @Test
    void refusesBadInputInTheErrorShape() {
        String samples = "\"reference\": {\"f\": [1, 2, 3]}, \"current\": {\"f\": [1, 2]}";
        assertInvalid("{" + samples + ", \"correction\": \"holm\"}", "holm");
        assertInvalid("{" + samples + ", \"alpha\": 1.5}", "alpha");
        assertInvalid("{" + samples + ", \"alpha\": 0}", "alpha");
        assertInvalid("{\"reference\": {\"f\": []}, \"current\": {\"f\": [1]}}", "empty");
        assertInvalid("{\"reference\": {}, \"current\": {\"f\": [1]}}", "no features");
        assertInvalid("{\"reference\": {\"f\": [1], \"g\": [2]}, \"current\": {\"f\": [1], \"h\": [2]}}", "different features");
        assertInvalid("{\"reference\": {\"f\": [1, \"a\"]}, \"current\": {\"f\": [1]}}", "mixes");
        assertInvalid("{\"reference\": {\"f\": [1]}, \"current\": {\"f\": [\"a\"]}}", "numeric on one side");
        assertInvalid("{" + samples + ", \"corection\": \"none\"}", "Unknown field");
        assertInvalid("{" + samples + ", \"features\": [\"g\"]}", "'g'");
        assertInvalid("{\"reference\": {\"f\": [1]}}", "current");
        assertInvalid("{\"reference\": ", "Malformed");
        assertEquals(401, server.postJson(KS, "{" + samples + "}", null).status());
    }

    private static void assertInvalid(String body, String messagePart) {
        TestResponse r = server.postJson(KS, body, engineer);
        assertEquals(400, r.status(), r.toString());
        assertEquals("INVALID_PARAMETER_VALUE", r.errorCode(), r.toString());
        assertTrue(((String) r.json().get("message")).contains(messagePart), r.toString());
    }

    private static Map<String, Object> ok(TestResponse r) {
        assertEquals(200, r.status(), r.toString());
        return r.json();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byName(Map<String, Object> json) {
        return ((List<Map<String, Object>>) json.get("features")).stream()
                .collect(Collectors.toMap(f -> (String) f.get("feature"), f -> f, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** A CSV with x (one empty cell), y and a text column; the rows of x and y are paired up to the shorter one. */
    private static String csv(double[] x, double[] y, int seed) {
        StringBuilder out = new StringBuilder("x,y,city\n");
        int rows = Math.max(x.length, y.length);
        for (int i = 0; i < rows; i++) {
            out.append(i < x.length ? repr(x[i]) : "").append(',').append(i < y.length ? repr(y[i]) : "").append(',')
                    .append("city").append((i + seed) % 5).append('\n');
        }
        out.append(",0.5,city9\n");
        return out.toString();
    }

    /**
     * A CSV with a numeric x, a text colour (red, blue, green, then {@code empty} empty cells), a boolean flag written as
     * True, true and TRUE in turn, and an id unique per row.
     */
    private static String categoricalCsv(int red, int blue, int green, int empty, int trues, int falses) {
        StringBuilder out = new StringBuilder("x,colour,flag,id\n");
        int rows = red + blue + green + empty;
        if (rows != trues + falses) {
            throw new IllegalArgumentException("colour and flag need the same number of rows");
        }
        String[] trueTokens = {"True", "true", "TRUE"};
        for (int i = 0; i < rows; i++) {
            String colour = i < red ? "red" : i < red + blue ? "blue" : i < red + blue + green ? "green" : "";
            String flag = i < trues ? trueTokens[i % 3] : i % 2 == 0 ? "false" : "False";
            out.append(i * 0.25).append(',').append(colour).append(',').append(flag).append(",id-").append(i).append('\n');
        }
        return out.toString();
    }

    private static String json(double[] values) {
        return Arrays.stream(values).mapToObj(DriftKsIT::repr).collect(Collectors.joining(",", "[", "]"));
    }

    private static String categories(int red, int blue, int green) {
        return IntStream.range(0, red + blue + green).mapToObj(i -> i < red ? "\"red\"" : i < red + blue ? "\"blue\"" : "\"green\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String repr(double v) {
        return Double.toString(v).toLowerCase(Locale.ROOT);
    }

    private static double[] sorted(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    private static double[] normal(long seed, int n, double shift) {
        Random r = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextGaussian() + shift;
        }
        return out;
    }
}
