/** Papers, arXiv ids, versions, authors and categories; the only writer of the paper tables. */
@NullMarked
package dev.paperboy.paper;

import org.jspecify.annotations.NullMarked;
