package dev.paperboy.author;

import dev.paperboy.paper.ArxivId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A member's claim to be one of a paper's authors, as it stands. */
public record Claim(
    long id,
    long memberId,
    String username,
    ArxivId paper,
    String authorName,
    @Nullable String orcid,
    State state,
    Instant createdAt) {

  public enum State {
    PENDING,
    APPROVED,
    REFUSED,
    RETRACTED
  }

  public boolean live() {
    return state == State.PENDING || state == State.APPROVED;
  }
}
