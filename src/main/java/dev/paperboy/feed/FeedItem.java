package dev.paperboy.feed;

import java.time.Instant;
import java.util.List;

/** One entry of a feed, in plain text; the writer escapes and cleans it. */
record FeedItem(
    String id,
    String title,
    String link,
    String summary,
    List<String> authors,
    List<String> categories,
    Instant published) {}
