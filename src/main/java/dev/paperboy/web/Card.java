package dev.paperboy.web;

import dev.paperboy.artifact.Artifact;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A paper card as the lists show it; every string is plain text, escaped by the template.
 *
 * @param submittedBy who put it on a daily list, or null when it is on none
 * @param listedOn the day of that list, as the pages write days
 * @param thumbnail where its first page's thumbnail is, or null while it has none
 * @param artifacts its code, models, data and project page, one of each kind
 * @param stars the GitHub stars of its repository, when known
 * @param authorNames the names the card links to author pages; {@code authors} is the same line as
 *     text, with how many more
 */
public record Card(
    String id,
    String href,
    String title,
    String authors,
    List<String> authorNames,
    int moreAuthors,
    String abstractStart,
    List<String> categories,
    String published,
    int upvotes,
    int comments,
    @Nullable String submittedBy,
    @Nullable String listedOn,
    @Nullable String thumbnail,
    List<Artifact> artifacts,
    @Nullable Integer stars) {

  /** The author page of a name. */
  public static String authorHref(String name) {
    return Views.authorHref(name);
  }
}
