package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.paperboy.artifact.Artifact;
import dev.paperboy.artifact.Artifacts;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.paper.Paper;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/papers/{id}}: the paper's fields flat, as on Hugging Face, plus arXiv's own metadata.
 * The list fields are present only when the paper is on a daily list; {@code githubRepo} and {@code
 * projectPage} only when the paper links to them, and {@code artifacts} lists every such link,
 * those members added after those read from its text.
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
    String pdfUrl,
    @Nullable String githubRepo,
    @Nullable String projectPage,
    List<Link> artifacts) {

  record Version(String version, String createdAt) {}

  /** A link to code, a model, a dataset, a demo or a project page. */
  record Link(String kind, String url, String name) {
    static Link of(Artifact artifact) {
      return new Link(
          artifact.kind().name().toLowerCase(Locale.ROOT), artifact.url(), artifact.name());
    }
  }

  /**
   * @param added the links members added, after those read from the paper's text
   */
  static PaperDetail of(Paper paper, @Nullable DailyEntry entry, List<Artifact> added) {
    Artifacts artifacts = Artifacts.of(paper).with(added);
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
        paper.id().pdfUrl(),
        artifacts.githubRepo(),
        artifacts.projectPage(),
        artifacts.links().stream().map(Link::of).toList());
  }
}
