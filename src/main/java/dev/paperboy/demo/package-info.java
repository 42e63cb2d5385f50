/**
 * The demo site a fresh data directory starts with: the seed day and a corpus of real arXiv papers,
 * loaded once.
 */
@NullMarked
package dev.paperboy.demo;

import org.jspecify.annotations.NullMarked;
