/** Metrics plumbing: what Ballast exports to Prometheus and how it is named. */
package dev.ballast.platform.metrics;
