/** Use cases of identity: authenticating callers, administering users, issuing tokens, bootstrapping the first admin. */
package dev.ballast.core.identity.app;
