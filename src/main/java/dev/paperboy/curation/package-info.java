/**
 * Daily lists: which papers are on which day, who put them there, submissions, upvotes, pins and
 * hidden entries, and the counts kept on each entry.
 */
@NullMarked
package dev.paperboy.curation;

import org.jspecify.annotations.NullMarked;
