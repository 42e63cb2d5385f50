/**
 * Storage engines: the DataSource for SQLite or PostgreSQL, the start-up checks that refuse an
 * unsafe store, and the few SQL value conversions every store shares.
 */
@NullMarked
package dev.paperboy.store;

import org.jspecify.annotations.NullMarked;
