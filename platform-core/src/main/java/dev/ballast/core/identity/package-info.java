/** Identity: who is calling and what their role allows. */
package dev.ballast.core.identity;
