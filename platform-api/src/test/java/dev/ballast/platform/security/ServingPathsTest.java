package dev.ballast.platform.security;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which raw request paths a token limited to one model may call: the table of allowed and refused paths. */
class ServingPathsTest {

    /** Paths a token scoped to {@code churn} may call. */
    private static final List<String> ALLOWED_FOR_CHURN = List.of(
            "/serving/churn",
            "/serving/churn/predict",
            "/serving/churn@champion/predict",
            "/serving/churn@v2-candidate/predict",
            "/serving/churn/versions/3/predict",
            "/serving/churn/invocations",
            "/serving/ch%75rn/predict",               // encoded letters decode to the same name
            "/serving/churn/versions/3/anything-below"); // sub-paths of its own model

    /** Paths it may not call: other APIs, other models, and every trick to reach them. */
    private static final List<String> REFUSED_FOR_CHURN = List.of(
            "/api/2.0/mlflow/experiments/search",
            "/api/v1/users/me",
            "/api/v1/tokens",
            "/ajax-api/2.0/mlflow/registered-models/get",
            "/",
            "",
            "/serving",
            "/serving/",
            "/serving/other/predict",
            "/serving/churnx/predict",                 // a longer name is another model
            "/serving/chur/predict",
            "/serving/Churn/predict",                  // model names are case-sensitive
            "/serving/CHURN/predict",
            "/SERVING/churn/predict",
            "/serving/churn/../other/predict",         // dot-segments
            "/serving/churn/../../api/v1/users",
            "/serving/churn/./predict",
            "/serving/./churn/predict",
            "/serving/churn/%2e%2e/other/predict",     // encoded dot-segments
            "/serving/churn/%2E%2E/%2E%2E/api/v1/users",
            "/serving/churn%2F..%2Fother/predict",     // encoded slashes inside the model segment
            "/serving/churn%2fpredict",
            "/serving/churn/versions/1%2F..%2F..%2Fx/predict",
            "/serving//churn/predict",                 // empty segments
            "/serving/churn//predict",
            "/serving/churn/predict/",
            "//serving/churn/predict",
            "/serving/churn%/predict",                 // malformed escapes
            "/serving/churn%2/predict",
            "/serving/churn%zz/predict",
            "/serving/%C3%28/predict",                 // not UTF-8
            "/serving/churn@champion/invocations",     // the alias form exists for /predict only
            "/serving/churn@champion/versions/1/predict",
            "/serving/churn@champion",
            "/serving/churn@/predict",                 // empty alias or model
            "/serving/@churn/predict",
            "/serving/churn@a@b/predict",              // two '@' are read differently by different parsers
            "/serving/churn%40champion/predict",       // an encoded '@' is not an alias separator for the router
            "/serving/churn%40x@champion/predict",
            "/serving/other@churn/predict",            // the alias is not the model
            "/serving/churn;x=1/predict",              // matrix parameters are not part of a model name
            "/serving/churn /predict",
            "/serving/churn%20/predict",
            "/serving/churn%00/predict");

    @Test
    void allowsOnlyTheServingEndpointsOfItsOwnModel() {
        List<String> wrong = new ArrayList<>();
        for (String path : ALLOWED_FOR_CHURN) {
            if (!ServingPaths.permits(path, "churn")) {
                wrong.add("refused " + path);
            }
        }
        for (String path : REFUSED_FOR_CHURN) {
            if (ServingPaths.permits(path, "churn")) {
                wrong.add("allowed " + path);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void readsPercentEncodedModelNamesLikeTheRouterDoes() {
        assertEquals(Optional.of("fraud model"), ServingPaths.modelOf("/serving/fraud%20model/predict"));
        assertEquals(Optional.of("fraud model"), ServingPaths.modelOf("/serving/fraud%20model@champion/predict"));
        assertEquals(Optional.of("a+b"), ServingPaths.modelOf("/serving/a+b/predict"), "'+' is a plus in a path, not a space");
        assertEquals(Optional.of("modèle"), ServingPaths.modelOf("/serving/mod%C3%A8le/versions/2/predict"));
        assertEquals(Optional.of("a%b"), ServingPaths.modelOf("/serving/a%25b/predict"), "decoded once, never twice");
        assertEquals(Optional.of("100%2F"), ServingPaths.modelOf("/serving/100%252F/invocations"));
    }

    @Test
    void reachesAModelWhoseNameHoldsAnAtSignOnlyWhereNoAliasCanBeRead() {
        String model = "team@churn";
        assertTrue(ServingPaths.permits("/serving/team%40churn/versions/1/predict", model));
        assertTrue(ServingPaths.permits("/serving/team%40churn/invocations", model));
        assertTrue(ServingPaths.permits("/serving/team%40churn", model));
        for (String refused : List.of("/serving/team@churn/predict", "/serving/team%40churn/predict",
                "/serving/team%40churn@champion/predict", "/serving/team@churn@champion/predict", "/serving/team/predict")) {
            assertTrue(!ServingPaths.permits(refused, model), refused);
        }
        assertTrue(ServingPaths.permits("/serving/team@churn/predict", "team"),
                "with a literal '@' the router reads model 'team' and alias 'churn', so it belongs to the token of 'team'");
    }

    @Test
    void answersNothingForPathsOutsideServing() {
        assertEquals(Optional.empty(), ServingPaths.modelOf(null));
        assertEquals(Optional.empty(), ServingPaths.modelOf("/api/v1/users/me"));
        assertEquals(Optional.empty(), ServingPaths.modelOf("/servingx/churn/predict"));
    }
}
