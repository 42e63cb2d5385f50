package dev.paperboy.collection;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One member's collection of papers.
 *
 * @param readingList the member's default collection, made on their first save; it cannot be
 *     renamed or deleted
 * @param papers how many papers it holds
 */
public record Collection(
    long id,
    long ownerId,
    String name,
    boolean isPublic,
    boolean readingList,
    Instant createdAt,
    Instant updatedAt,
    int papers) {
  public static final String READING_LIST = "Reading list";

  /** Whether {@code memberId} (null for an anonymous reader) may see it. */
  public boolean visibleTo(@Nullable Long memberId) {
    return isPublic || (memberId != null && memberId == ownerId);
  }
}
