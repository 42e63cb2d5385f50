package dev.paperboy.web;

import dev.paperboy.demo.DemoStatus;
import org.jspecify.annotations.Nullable;

/**
 * What every page's frame shows: the active tab and whether the demo corpus is still loading.
 *
 * @param tab the active tab: daily, new, or null for none
 */
public record Chrome(@Nullable String tab, DemoStatus demo) {
  /** {@code aria-current} for a tab: "page" on the active one, absent (null) elsewhere. */
  public @Nullable String current(String name) {
    return name.equals(tab) ? "page" : null;
  }
}
