/** HTTP authentication and authorization: who may call which route. */
package dev.ballast.platform.security;
