package dev.paperboy.search;

import dev.paperboy.paper.ArxivId;

/** One result. The HTML fields are escaped text with matches in {@code <mark>}: safe to print. */
public record SearchHit(ArxivId id, float score, String titleHtml, String snippetHtml) {}
