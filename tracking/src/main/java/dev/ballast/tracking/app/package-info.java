/** Tracking use cases: experiments, runs, logging, search and metric history, each call one transaction. */
package dev.ballast.tracking.app;
