/** JDBC adapters for the tracking ports, with COPY for metric points on PostgreSQL. */
package dev.ballast.tracking.store;
