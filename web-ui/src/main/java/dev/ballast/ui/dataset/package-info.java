/**
 * Dataset pages of the web UI: the datasets, a dataset's versions, one version's profile and
 * lineage, and the difference between two versions, read through tracking's dataset services.
 */
package dev.ballast.ui.dataset;
