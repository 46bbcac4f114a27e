/** Dataset use cases: create, upload and import versions, profile, diff, verify, recover, and lineage between data, runs and models. */
package dev.ballast.tracking.app.dataset;
