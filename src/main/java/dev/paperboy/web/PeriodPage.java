package dev.paperboy.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A weekly, monthly or trending list.
 *
 * @param heading e.g. "Weekly papers"
 * @param periodLabel e.g. "Week 11 of 2025 (Mar 10, 2025 – Mar 16, 2025)"
 * @param note said above the list
 * @param nearest for a period without papers, the latest one before it that has some
 */
public record PeriodPage(
    String heading,
    String periodLabel,
    @Nullable String note,
    DailyPage.@Nullable Link nearest,
    DailyPage.@Nullable Link previous,
    DailyPage.@Nullable Link next,
    List<Card> cards) {}
