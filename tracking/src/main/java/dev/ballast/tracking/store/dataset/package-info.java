/** Adapters for datasets: JGit for content (Ballast's repository and external ones), JDBC for metadata, files for derived data. */
package dev.ballast.tracking.store.dataset;
