/**
 * Full-text search over papers: the query model and the index service; Lucene stays in
 * search.lucene.
 */
@NullMarked
package dev.paperboy.search;

import org.jspecify.annotations.NullMarked;
