/**
 * "For you": what members follow (categories, authors, keywords) and the recommendations built from
 * it and from their upvotes and submissions, each with its reason.
 */
@NullMarked
package dev.paperboy.recommend;

import org.jspecify.annotations.NullMarked;
