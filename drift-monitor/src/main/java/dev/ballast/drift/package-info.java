/** Kolmogorov-Smirnov drift monitors and the retraining workflows they start. */
package dev.ballast.drift;
