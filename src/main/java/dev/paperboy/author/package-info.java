/**
 * Authors: a person's papers, co-authors and categories, found by name in the search index with
 * names compared folded, and initials joined to a full name only when no one else could be meant.
 * Derived from the papers whenever asked: nothing of its own is stored.
 */
@NullMarked
package dev.paperboy.author;

import org.jspecify.annotations.NullMarked;
