/** Cross-cutting HTTP concerns: the error shape for every failure, request ids. */
package dev.ballast.platform.http;
