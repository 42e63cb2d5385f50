package dev.paperboy.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One day's list.
 *
 * @param note said above the list, e.g. when today has no list and the latest one is shown
 */
public record DailyPage(
    String dateLabel,
    String isoDate,
    @Nullable String note,
    @Nullable Link previous,
    @Nullable Link next,
    List<Card> cards) {

  public record Link(String href, String label) {}
}
