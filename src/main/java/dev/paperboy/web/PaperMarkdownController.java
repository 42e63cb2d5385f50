package dev.paperboy.web;

import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /papers/{id}.md}: a paper as Markdown, the way huggingface.co answers its own papers, so
 * that tools reading papers there ({@code huggingface_hub}'s {@code read_paper}) read them here.
 * Paperboy holds metadata, not full texts: the answer is the title, authors, links, the abstract
 * with its TeX as written, and the paper's place on a daily list.
 */
@RestController
class PaperMarkdownController {
  static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

  private final Papers papers;
  private final DailyLists lists;

  PaperMarkdownController(Papers papers, DailyLists lists) {
    this.papers = papers;
    this.lists = lists;
  }

  @GetMapping("/papers/{id:\\d{4}\\.\\d{4,5}(?:v\\d{1,3})?}.md")
  ResponseEntity<String> paper(@PathVariable String id) {
    return answer(id);
  }

  /** Old-style ids contain a slash: {@code /papers/hep-th/9901001.md}. */
  @GetMapping("/papers/{archive:[a-z]+(?:-[a-z]+)?}/{number:\\d{7}(?:v\\d{1,3})?}.md")
  ResponseEntity<String> oldStylePaper(@PathVariable String archive, @PathVariable String number) {
    return answer(archive + "/" + number);
  }

  private ResponseEntity<String> answer(String text) {
    // The mappings let only id-shaped text through: 0000.00000 names no paper, as a 404 says.
    return ArxivId.tryParse(text)
        .flatMap(papers::find)
        .map(found -> ResponseEntity.ok().contentType(MARKDOWN).body(markdown(found)))
        .orElseGet(
            () ->
                ResponseEntity.status(404)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("No paper " + text + " in this Paperboy.\n"));
  }

  private String markdown(Paper paper) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(oneLine(paper.title())).append("\n\n");
    md.append("**Authors:** ").append(String.join(", ", paper.authors())).append("\n\n");
    md.append("**arXiv:** [")
        .append(paper.id().base())
        .append("](")
        .append(paper.id().absUrl())
        .append(") · [PDF](")
        .append(paper.id().pdfUrl())
        .append(")");
    if (!paper.categories().isEmpty()) {
      md.append(" · ").append(String.join(", ", paper.categories()));
    }
    md.append("\n\n");
    Optional<DailyEntry> entry = lists.entryFor(paper.id());
    entry.ifPresent(
        listed ->
            md.append("**On the daily list of ")
                .append(Views.DAY.format(listed.listDate()))
                .append("**, submitted by ")
                .append(listed.submittedBy().displayName())
                .append(" · ")
                .append(UpvoteHistory.plural(listed.upvotes(), "upvote"))
                .append(" · ")
                .append(UpvoteHistory.plural(listed.comments(), "comment"))
                .append("\n\n"));
    md.append("## Abstract\n\n").append(paper.abstractText().strip()).append("\n");
    return md.toString();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
