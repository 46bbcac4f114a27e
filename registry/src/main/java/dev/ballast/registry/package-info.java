/** Registered models, model cards, metric gates, reviewed promotions, the audit log and serving. */
package dev.ballast.registry;
