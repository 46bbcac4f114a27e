/** Users, roles, API tokens and the authenticated actor; ports for their storage. */
package dev.ballast.core.identity.domain;
