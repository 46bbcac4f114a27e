/** HTTP API of drift statistics: {@code POST /api/v1/drift/ks}. */
package dev.ballast.drift.api;
