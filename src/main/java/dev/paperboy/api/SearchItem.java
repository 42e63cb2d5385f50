package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paperboy.artifact.Artifacts;
import dev.paperboy.paper.Paper;
import dev.paperboy.search.SearchHit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One element of {@code /api/papers/search}: the paper wrapped as Hugging Face's newer answers do,
 * plus Paperboy's highlighted title and snippet (escaped HTML with {@code <mark>}).
 */
record SearchItem(Found paper, String title, String highlightedTitle, String snippet) {
  record Found(
      String id,
      String title,
      String summary,
      List<ApiAuthor> authors,
      String publishedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String githubRepo,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String projectPage) {

    /** A stored paper in the same shape. */
    static Found of(Paper paper) {
      Artifacts artifacts = Artifacts.of(paper);
      return new Found(
          paper.id().base(),
          paper.title(),
          paper.abstractText(),
          paper.authors().stream().map(name -> new ApiAuthor(name, false)).toList(),
          ApiTimes.of(paper.publishedAt()),
          artifacts.githubRepo(),
          artifacts.projectPage());
    }
  }

  static SearchItem of(SearchHit hit) {
    return new SearchItem(
        new Found(
            hit.id().base(),
            hit.title(),
            hit.abstractText(),
            hit.authors().stream().map(name -> new ApiAuthor(name, false)).toList(),
            ApiTimes.of(hit.publishedAt()),
            hit.artifacts().githubRepo(),
            hit.artifacts().projectPage()),
        hit.title(),
        hit.titleHtml(),
        hit.snippetHtml());
  }
}
