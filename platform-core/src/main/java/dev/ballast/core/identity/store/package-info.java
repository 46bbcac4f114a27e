/** JDBC adapters for the identity ports. */
package dev.ballast.core.identity.store;
