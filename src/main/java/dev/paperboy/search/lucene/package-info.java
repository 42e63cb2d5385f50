/** Every Lucene import of Paperboy: one IndexWriter, one SearcherManager, the field mapping. */
@NullMarked
package dev.paperboy.search.lucene;

import org.jspecify.annotations.NullMarked;
