/** HTTP API of retraining workflows ({@code /api/v1/workflows}) and models' retraining policies. */
package dev.ballast.drift.api.workflow;
