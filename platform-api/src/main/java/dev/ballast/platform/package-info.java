/** The executable: start-up, data directory, configuration. */
package dev.ballast.platform;
