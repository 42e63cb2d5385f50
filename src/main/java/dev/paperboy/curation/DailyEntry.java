package dev.paperboy.curation;

import dev.paperboy.account.Member;
import dev.paperboy.paper.Paper;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A paper on a day's list.
 *
 * @param listDate the calendar day of the list (configured zone)
 * @param submittedBy who put it there
 * @param submittedAt when
 * @param pinned a curator keeps it at the top of its day
 */
public record DailyEntry(
    Paper paper,
    LocalDate listDate,
    Member submittedBy,
    Instant submittedAt,
    int upvotes,
    int comments,
    boolean pinned) {}
