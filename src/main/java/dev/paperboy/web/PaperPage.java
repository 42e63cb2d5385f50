package dev.paperboy.web;

import dev.paperboy.artifact.Artifacts;
import dev.paperboy.author.Claim;
import dev.paperboy.discussion.Comments;
import dev.paperboy.moderation.MemberLinks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything the paper page shows. */
public record PaperPage(
    String id,
    String title,
    List<String> authors,
    List<String> abstractParagraphs,
    List<String> categories,
    List<Version> versions,
    @Nullable String comments,
    @Nullable String journalRef,
    @Nullable String doi,
    @Nullable String license,
    String absUrl,
    String pdfUrl,
    String bibtex,
    @Nullable Listing listing,
    List<Similar> similar,
    boolean upvoted,
    List<Comments.Thread> discussion,
    @Nullable UpvoteHistory upvoteHistory,
    @Nullable String thumbnail,
    Artifacts artifacts,
    List<Shelf> shelves,
    Authorship authorship,
    List<MemberLinks.Link> addedLinks,
    boolean mayAddLinks) {

  /**
   * The paper's authors who are members, and the visitor's own claim.
   *
   * @param members usernames of the approved authors, with the name each is listed under
   * @param mine the visitor's live claim, if any
   * @param mayClaim whether the visitor may claim it (a confirmed member without a live claim)
   */
  public record Authorship(List<Claim> members, @Nullable Claim mine, boolean mayClaim) {
    public boolean isAuthor(@Nullable String username) {
      return username != null && members.stream().anyMatch(c -> c.username().equals(username));
    }
  }

  /** One of the visitor's collections, and whether it holds this paper. */
  public record Shelf(long id, String name, boolean holds) {}

  /** A paper like this one. */
  public record Similar(String href, String title, String authors) {}

  public record Version(String label, String date) {}

  /** The paper's place on a daily list. */
  public record Listing(
      String dateHref, String dateLabel, String submittedBy, int upvotes, int comments) {}
}
