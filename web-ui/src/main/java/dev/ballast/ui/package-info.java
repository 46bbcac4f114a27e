/** Server-rendered pages for engineers and reviewers. */
package dev.ballast.ui;
