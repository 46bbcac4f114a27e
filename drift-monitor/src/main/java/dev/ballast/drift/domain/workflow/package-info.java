/**
 * Retraining workflows: a model's retraining policy, the workflow a drift episode (or a person)
 * starts, and its persisted steps from choosing data to the promotion request.
 */
package dev.ballast.drift.domain.workflow;
