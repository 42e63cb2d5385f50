package dev.paperboy.paper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A paper's metadata as arXiv publishes it (CC0). The id is the base id without version; the
 * version history is {@link #versions()}, oldest first and never empty.
 *
 * @param id the paper key
 * @param title the title, whitespace folded
 * @param abstractText the abstract, whitespace folded
 * @param authors author names in order ("First Last")
 * @param categories arXiv category codes, primary first
 * @param metadataDate the day arXiv last changed the record, when the source says
 */
public record Paper(
    ArxivId id,
    String title,
    String abstractText,
    List<String> authors,
    List<String> categories,
    @Nullable String comments,
    @Nullable String journalRef,
    @Nullable String doi,
    @Nullable String license,
    @Nullable String reportNo,
    @Nullable String submitter,
    List<PaperVersion> versions,
    @Nullable LocalDate metadataDate) {

  public Paper {
    Objects.requireNonNull(id, "id");
    if (id.hasVersion()) {
      throw new IllegalArgumentException("a paper is keyed by its id without version: " + id);
    }
    if (title.isBlank()) {
      throw new IllegalArgumentException("a paper needs a title: " + id);
    }
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("a paper needs at least one version: " + id);
    }
    for (String author : authors) {
      if (author.isBlank() || author.indexOf('\n') >= 0 || author.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("an author name must be one non-blank line: " + id);
      }
    }
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    versions = versions.stream().sorted().distinct().toList();
  }

  public PaperVersion latestVersion() {
    return versions.get(versions.size() - 1);
  }

  /** When the first version was submitted. */
  public Instant publishedAt() {
    return versions.get(0).createdAt();
  }

  /** When the latest version was submitted. */
  public Instant updatedAt() {
    return latestVersion().createdAt();
  }

  public @Nullable String primaryCategory() {
    return categories.isEmpty() ? null : categories.get(0);
  }

  /**
   * A digest of everything stored about the paper. Two records of the same paper with equal hashes
   * are the same; the store uses it to skip writes that would change nothing.
   */
  public String contentHash() {
    StringBuilder text = new StringBuilder(title.length() + abstractText.length() + 256);
    for (Object field :
        new Object[] {
          id,
          title,
          abstractText,
          authors,
          categories,
          comments,
          journalRef,
          doi,
          license,
          reportNo,
          submitter,
          metadataDate
        }) {
      text.append(field).append('\u001f');
    }
    for (PaperVersion version : versions) {
      text.append(version.number()).append('@').append(version.createdAt()).append('\u001f');
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
