package dev.ballast.client;

import java.util.Map;

/**
 * The files of a logged Ballast model directory and the MLflow model JSON that goes into the
 * run's logged-model history, as {@link BallastModels#files} builds them.
 *
 * @param files file name (inside the model directory) to content, in writing order
 */
public record ModelFiles(BallastModelDescriptor descriptor, Map<String, byte[]> files, String modelJson) {
    public ModelFiles {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
    }

    /** The content type a file of the model directory is uploaded with. */
    public static String contentType(String name) {
        if (name.endsWith(".json")) {
            return "application/json";
        }
        return name.equals("MLmodel") ? "text/yaml" : "application/octet-stream";
    }
}
