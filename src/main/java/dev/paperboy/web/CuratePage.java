package dev.paperboy.web;

import dev.paperboy.author.Claims;
import dev.paperboy.moderation.Flags;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The curator queue.
 *
 * @param announcedOn the arXiv announcement day the queue shows, null before any listing was read
 */
public record CuratePage(
    String today,
    List<Card> onList,
    List<Card> queue,
    @Nullable String announcedOn,
    List<Flags.Flagged> flagged,
    List<Claims.Evidence> claims) {}
