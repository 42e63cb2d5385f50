/**
 * Thumbnails: the first page of each listed paper's PDF, fetched through the arXiv politeness gate
 * and rendered small, kept as files in the data directory (derived data: a missing one is made
 * again) and served with the pages.
 */
@NullMarked
package dev.paperboy.thumbnail;

import org.jspecify.annotations.NullMarked;
