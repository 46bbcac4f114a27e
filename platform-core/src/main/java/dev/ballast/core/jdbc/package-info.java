/** Small JDBC helpers that keep SQL explicit and portable between H2 and PostgreSQL. */
package dev.ballast.core.jdbc;
