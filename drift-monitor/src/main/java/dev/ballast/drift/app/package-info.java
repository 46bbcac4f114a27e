/** Use cases of drift statistics: on-demand checks of JSON samples or dataset versions ({@link dev.ballast.drift.app.DriftService}). */
package dev.ballast.drift.app;
