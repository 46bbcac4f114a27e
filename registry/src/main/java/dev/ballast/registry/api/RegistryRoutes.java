package dev.ballast.registry.api;

/** MLflow's model registry routes, served under both MLflow prefixes like the tracking routes. */
final class RegistryRoutes {
    static final String API = dev.ballast.tracking.api.MlflowRoutes.API;
    static final String AJAX = dev.ballast.tracking.api.MlflowRoutes.AJAX;

    static final String MODELS_CREATE = "/registered-models/create";
    static final String MODELS_GET = "/registered-models/get";
    static final String MODELS_RENAME = "/registered-models/rename";
    static final String MODELS_UPDATE = "/registered-models/update";
    static final String MODELS_DELETE = "/registered-models/delete";
    static final String MODELS_SEARCH = "/registered-models/search";
    static final String MODELS_LATEST = "/registered-models/get-latest-versions";
    static final String MODELS_SET_TAG = "/registered-models/set-tag";
    static final String MODELS_DELETE_TAG = "/registered-models/delete-tag";
    static final String MODELS_ALIAS = "/registered-models/alias";

    static final String VERSIONS_CREATE = "/model-versions/create";
    static final String VERSIONS_GET = "/model-versions/get";
    static final String VERSIONS_UPDATE = "/model-versions/update";
    static final String VERSIONS_DELETE = "/model-versions/delete";
    static final String VERSIONS_SEARCH = "/model-versions/search";
    static final String VERSIONS_TRANSITION = "/model-versions/transition-stage";
    static final String VERSIONS_DOWNLOAD_URI = "/model-versions/get-download-uri";
    static final String VERSIONS_SET_TAG = "/model-versions/set-tag";
    static final String VERSIONS_DELETE_TAG = "/model-versions/delete-tag";

    private RegistryRoutes() {
    }
}
