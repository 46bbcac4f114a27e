/** Ballast's own administration API: users and API tokens. */
package dev.ballast.platform.api;
