/** arXiv wire records (snapshot JSON lines) and the one adapter from each to {@code Paper}. */
@NullMarked
package dev.paperboy.ingest.arxiv;

import org.jspecify.annotations.NullMarked;
