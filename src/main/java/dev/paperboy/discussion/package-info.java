/**
 * Comments on papers: Markdown rendered through an allow-list, replies one level deep, edits and
 * deletions by their authors, hiding by moderators. The only writer of the comments table.
 */
@NullMarked
package dev.paperboy.discussion;

import org.jspecify.annotations.NullMarked;
