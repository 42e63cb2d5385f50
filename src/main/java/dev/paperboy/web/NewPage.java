package dev.paperboy.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The most recently published papers, a page at a time. */
public record NewPage(List<Card> cards, @Nullable String olderHref, @Nullable String newerHref) {}
