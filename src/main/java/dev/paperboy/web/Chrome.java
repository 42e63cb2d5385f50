package dev.paperboy.web;

import dev.paperboy.demo.DemoStatus;
import org.jspecify.annotations.Nullable;

/**
 * What every page's frame shows: the active tab, whether the demo corpus is still loading, and who
 * is signed in.
 *
 * @param tab the active tab: daily, new, or null for none
 * @param visitor the signed-in member, null for anonymous readers
 */
public record Chrome(@Nullable String tab, DemoStatus demo, @Nullable Visitor visitor) {
  public Chrome(@Nullable String tab, DemoStatus demo) {
    this(tab, demo, Visitor.current());
  }

  /** {@code aria-current} for a tab: "page" on the active one, absent (null) elsewhere. */
  public @Nullable String current(String name) {
    return name.equals(tab) ? "page" : null;
  }
}
