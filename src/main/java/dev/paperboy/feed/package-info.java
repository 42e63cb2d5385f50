/** RSS 2.0 and Atom 1.0 feeds of the lists, categories and saved searches (Rome). */
@NullMarked
package dev.paperboy.feed;

import org.jspecify.annotations.NullMarked;
