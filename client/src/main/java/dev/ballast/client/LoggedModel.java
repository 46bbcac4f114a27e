package dev.ballast.client;

/**
 * Where {@link BallastModels#log} put a model, in the two spellings MLflow uses: the
 * run-relative {@code runs:/<run>/<path>} (what a model version's source names) and the
 * absolute {@code mlflow-artifacts:/...} URI of the model directory.
 *
 * @param runId        the run the model belongs to
 * @param artifactPath the model directory inside the run's artifacts, e.g. {@code model}
 * @param runsUri      {@code runs:/<runId>/<artifactPath>}
 * @param artifactUri  the directory's {@code mlflow-artifacts:/<experiment>/<run>/artifacts/<artifactPath>} URI
 * @param descriptor   the {@code ballast-model.json} written with the model
 */
public record LoggedModel(String runId, String artifactPath, String runsUri, String artifactUri,
                          BallastModelDescriptor descriptor) {
}
