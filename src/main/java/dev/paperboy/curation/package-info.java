/** Daily lists: which papers are on which day, who put them there, and their counts. */
@NullMarked
package dev.paperboy.curation;

import org.jspecify.annotations.NullMarked;
