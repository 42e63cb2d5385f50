package dev.paperboy.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The "New" page: a day's arXiv announcements, or the most recently published papers.
 *
 * @param heading says which of the two it is
 */
public record NewPage(
    String heading, List<Card> cards, @Nullable String olderHref, @Nullable String newerHref) {}
