package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.paper.Paper;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/papers/{id}}: the paper's fields flat, as on Hugging Face, plus arXiv's own metadata.
 * The list fields are present only when the paper is on a daily list.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PaperDetail(
    String id,
    String title,
    String summary,
    List<ApiAuthor> authors,
    String publishedAt,
    String updatedAt,
    List<String> categories,
    List<Version> versions,
    @Nullable String comments,
    @Nullable String journalRef,
    @Nullable String doi,
    @Nullable String license,
    int upvotes,
    int numComments,
    @Nullable String submittedOnDailyAt,
    @Nullable ApiUser submittedOnDailyBy,
    String absUrl,
    String pdfUrl) {

  record Version(String version, String createdAt) {}

  static PaperDetail of(Paper paper, @Nullable DailyEntry entry) {
    return new PaperDetail(
        paper.id().base(),
        paper.title(),
        paper.abstractText(),
        paper.authors().stream().map(name -> new ApiAuthor(name, false)).toList(),
        ApiTimes.of(paper.publishedAt()),
        ApiTimes.of(paper.updatedAt()),
        paper.categories(),
        paper.versions().stream()
            .map(v -> new Version(v.label(), ApiTimes.of(v.createdAt())))
            .toList(),
        paper.comments(),
        paper.journalRef(),
        paper.doi(),
        paper.license(),
        entry == null ? 0 : entry.upvotes(),
        entry == null ? 0 : entry.comments(),
        entry == null ? null : ApiTimes.of(entry.listDate()),
        entry == null ? null : ApiUser.of(entry.submittedBy()),
        paper.id().absUrl(),
        paper.id().pdfUrl());
  }
}
