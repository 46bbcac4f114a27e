/** Tracking's domain: experiments, runs, metrics, params, tags, inputs, the MLflow rules on them, and store ports. */
package dev.ballast.tracking.domain;
