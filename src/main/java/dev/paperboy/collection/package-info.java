/**
 * Members' collections: a "Reading list" every member has from their first save, and named
 * collections of their own. A collection is private unless its owner makes it public; a private one
 * is, to everyone else, a collection that does not exist. Only the owner changes one.
 */
@NullMarked
package dev.paperboy.collection;

import org.jspecify.annotations.NullMarked;
