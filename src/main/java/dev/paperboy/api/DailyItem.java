package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paperboy.artifact.Artifacts;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.paper.Paper;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One element of {@code /api/daily_papers}: the paper plus its place on the list. Title, summary
 * and upvotes are at both levels because clients read some from the top and some from {@code
 * paper}; {@code publishedAt} at the top is when the entry went on the list, {@code
 * paper.publishedAt} when arXiv published the paper. {@code paper.githubRepo} and {@code
 * paper.projectPage} are there when the paper links to them, as on Hugging Face.
 */
record DailyItem(
    DailyPaper paper,
    String title,
    String summary,
    String publishedAt,
    int numComments,
    int upvotes,
    ApiUser submittedBy,
    List<String> mediaUrls,
    boolean isAuthorParticipating) {

  record DailyPaper(
      String id,
      String title,
      String summary,
      List<ApiAuthor> authors,
      String publishedAt,
      String submittedOnDailyAt,
      ApiUser submittedOnDailyBy,
      int upvotes,
      List<String> categories,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String githubRepo,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String projectPage) {}

  static DailyItem of(DailyEntry entry) {
    Paper paper = entry.paper();
    ApiUser submitter = ApiUser.of(entry.submittedBy());
    Artifacts artifacts = Artifacts.of(paper);
    return new DailyItem(
        new DailyPaper(
            paper.id().base(),
            paper.title(),
            paper.abstractText(),
            paper.authors().stream().map(name -> new ApiAuthor(name, false)).toList(),
            ApiTimes.of(paper.publishedAt()),
            ApiTimes.of(entry.listDate()),
            submitter,
            entry.upvotes(),
            paper.categories(),
            artifacts.githubRepo(),
            artifacts.projectPage()),
        paper.title(),
        paper.abstractText(),
        ApiTimes.of(entry.submittedAt()),
        entry.comments(),
        entry.upvotes(),
        submitter,
        List.of(),
        false);
  }
}
