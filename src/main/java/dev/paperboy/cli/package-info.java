/**
 * The command line: one small picocli class per command; the same jar serves and runs one-shot
 * jobs.
 */
@NullMarked
package dev.paperboy.cli;

import org.jspecify.annotations.NullMarked;
