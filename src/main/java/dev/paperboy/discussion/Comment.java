package dev.paperboy.discussion;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment as pages show it. A deleted or hidden comment keeps its place (its replies stay
 * readable) without its text.
 *
 * @param author the author's username, null once their account is deleted
 * @param html the rendered, cleaned text; empty when deleted or hidden
 */
public record Comment(
    long id,
    String arxivId,
    @Nullable Long parentId,
    @Nullable Long authorId,
    @Nullable String author,
    String markdown,
    String html,
    Instant createdAt,
    @Nullable Instant editedAt,
    boolean deleted,
    boolean hidden) {

  public boolean visible() {
    return !deleted && !hidden;
  }

  /** This comment with its author's username, which the account feature holds. */
  Comment byAuthor(String username) {
    return new Comment(
        id, arxivId, parentId, authorId, username, markdown, html, createdAt, editedAt, deleted,
        hidden);
  }
}
