package dev.paperboy.account;

import java.time.Instant;

/** A member of the community, as others see them. */
public record Member(long id, String username, String displayName, Role role, Instant createdAt) {}
