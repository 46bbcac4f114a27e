package dev.ballast.registry.api;

import dev.ballast.tracking.api.MlflowRequest;
import io.micronaut.http.HttpRequest;


/** Request reading shared by the registry's MLflow controllers. */
final class MlflowBodies {
    private MlflowBodies() {
    }

    /**
     * A DELETE's fields: MLflow's Python client sends them as a JSON body, other clients (and
     * MLflow's own UI for some calls) as query parameters; both are accepted.
     */
    static MlflowRequest read(HttpRequest<?> request, byte[] body) {
        if (body != null && body.length > 0) {
            return MlflowRequest.fromJson(body);
        }
        return MlflowRequest.fromQuery(request.getParameters());
    }
}
