/** The injected clock. */
package dev.ballast.core.time;
