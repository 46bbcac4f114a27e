/** The layout of Ballast's data directory. */
package dev.ballast.core.storage;
