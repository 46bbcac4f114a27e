/** The steps of retraining workflows, one class per step. */
package dev.ballast.drift.app.workflow.steps;
