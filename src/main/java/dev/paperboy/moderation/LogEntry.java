package dev.paperboy.moderation;

import java.time.Instant;

/** One moderator action, as the public log shows it. */
public record LogEntry(
    long id, String moderator, String action, String target, String reason, Instant at) {}
