/**
 * Semantic vectors of papers: the in-process sentence-embedding model, and the job that keeps a
 * vector for every paper in the database, where every node and every reindex reuses it.
 */
@NullMarked
package dev.paperboy.embedding;

import org.jspecify.annotations.NullMarked;
