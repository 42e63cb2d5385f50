package dev.paperboy.web;

import dev.paperboy.recommend.Follow;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A member's recommendations with their reasons, and what they follow. */
public record ForYouPage(List<Follow> follows, List<Item> items, @Nullable String problem) {
  /** A recommended paper and why (the reason names the shared words, when there are some). */
  public record Item(Card card, String reason) {}
}
