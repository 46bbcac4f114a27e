/**
 * What an engineer puts on a training program's classpath to hand Tribuo models to Ballast:
 * the {@code ballast-model.json} format ({@link dev.ballast.client.BallastModelDescriptor}) and
 * the helper that logs a model with it ({@link dev.ballast.client.BallastModels}). Depends on
 * Tribuo, jackson-core and the JDK only, never on Micronaut or Ballast's server modules.
 */
package dev.ballast.client;
