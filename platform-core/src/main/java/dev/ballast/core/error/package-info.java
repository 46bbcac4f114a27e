/** The error model shared by every module: codes with MLflow's names and the exception that carries them. */
package dev.ballast.core.error;
