/**
 * Serving's persistent parts: {@link dev.ballast.registry.domain.serving.CaptureStore}, the port
 * through which captured predictions are written and read for drift monitoring.
 */
package dev.ballast.registry.domain.serving;
