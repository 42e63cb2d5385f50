package dev.paperboy.discussion;

/** What the discussion tells others, inside the transaction that changed it. */
public final class DiscussionEvents {
  private DiscussionEvents() {}

  /** The paper's visible comments now number {@code count}. */
  public record CommentsCounted(String arxivId, int count) {}
}
