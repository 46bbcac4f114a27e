/** HTTP API of datasets ({@code /api/v1/datasets}) and lineage ({@code /api/v1/runs/{id}/inputs}, {@code .../lineage}). */
package dev.ballast.tracking.api.dataset;
