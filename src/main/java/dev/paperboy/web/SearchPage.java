package dev.paperboy.web;

import dev.paperboy.artifact.Artifact;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The search page. {@code titleHtml} and {@code snippetHtml} of each result are escaped text with
 * matches in {@code <mark>}, made by the index's highlighter; everything else is plain text.
 *
 * @param mode hybrid (words and meaning), lexical or semantic
 * @param withCode whether only papers that link to code are shown
 * @param error what was wrong with the query, or null
 * @param building while the index is being built, how far it has come; else null
 */
public record SearchPage(
    String query,
    String sort,
    String mode,
    String from,
    String until,
    boolean withCode,
    long total,
    List<Result> results,
    @Nullable String didYouMean,
    @Nullable String didYouMeanHref,
    @Nullable String error,
    @Nullable String olderHref,
    @Nullable String newerHref,
    @Nullable String building) {

  /**
   * One hit. A paper on a daily list also shows its categories, counts, submitter and thumbnail, as
   * its card on the list does.
   *
   * @param listing its card on the lists, or null when it is on none
   * @param artifacts its code and project page, one of each kind
   */
  public record Result(
      String href,
      String id,
      String titleHtml,
      String snippetHtml,
      String authors,
      String published,
      @Nullable Card listing,
      List<Artifact> artifacts) {}
}
