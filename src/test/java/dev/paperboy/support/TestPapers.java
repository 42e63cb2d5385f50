package dev.paperboy.support;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small papers for tests: {@code aPaper("2401.00001").versions(2).build()}. */
public final class TestPapers {
  private String id;
  private String title;
  private int versions = 1;
  private @Nullable String journalRef;
  private @Nullable LocalDate metadataDate = LocalDate.of(2024, 1, 10);
  private List<String> authors = List.of("Ada Lovelace", "Alan Turing");
  private @Nullable String abstractText;

  private TestPapers(String id) {
    this.id = id;
    this.title = "A paper called " + id;
  }

  public static TestPapers aPaper(String id) {
    return new TestPapers(id);
  }

  public TestPapers title(String title) {
    this.title = title;
    return this;
  }

  public TestPapers versions(int versions) {
    this.versions = versions;
    return this;
  }

  public TestPapers journalRef(@Nullable String journalRef) {
    this.journalRef = journalRef;
    return this;
  }

  public TestPapers metadataDate(@Nullable LocalDate metadataDate) {
    this.metadataDate = metadataDate;
    return this;
  }

  public TestPapers abstractText(String abstractText) {
    this.abstractText = abstractText;
    return this;
  }

  public TestPapers authors(List<String> authors) {
    this.authors = authors;
    return this;
  }

  public Paper build() {
    List<PaperVersion> history = new ArrayList<>();
    for (int v = 1; v <= versions; v++) {
      history.add(
          new PaperVersion(
              v, Instant.parse("2024-01-01T12:00:00Z").plusSeconds(86_400L * 30 * (v - 1))));
    }
    return new Paper(
        ArxivId.parse(id),
        title,
        abstractText != null ? abstractText : "An abstract of " + id + ".",
        authors,
        List.of("cs.LG", "stat.ML"),
        null,
        journalRef,
        null,
        null,
        null,
        null,
        history,
        metadataDate);
  }

  /** A one-version paper in cs.LG first published at {@code published}. */
  public static Paper recent(String id, String title, Instant published) {
    return recent(id, title, "An abstract of " + id + ".", published);
  }

  /** As {@link #recent(String, String, Instant)}, with an abstract of the test's choosing. */
  public static Paper recent(String id, String title, String abstractText, Instant published) {
    return new Paper(
        ArxivId.parse(id),
        title,
        abstractText,
        List.of("Ada Lovelace", "Alan Turing"),
        List.of("cs.LG", "cs.CL"),
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(new PaperVersion(1, published)),
        null);
  }
}
