package dev.paperboy.ingest.arxiv;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import dev.paperboy.paper.TexAccents;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Maps an {@link OaiRecord} to a {@link Paper}, or says why it cannot. */
public final class OaiAdapter {
  private static final String OAI_PREFIX = "oai:arXiv.org:";

  private OaiAdapter() {}

  /** The paper id a record is about, from its OAI identifier. */
  public static ArxivId id(OaiRecord record) {
    String identifier = record.identifier();
    if (!identifier.startsWith(OAI_PREFIX)) {
      throw new InvalidRecord("identifier '" + identifier + "' is not an arXiv OAI identifier");
    }
    try {
      ArxivId id = ArxivId.parse(identifier.substring(OAI_PREFIX.length()));
      return id.withoutVersion();
    } catch (InvalidArxivId e) {
      throw new InvalidRecord("invalid id: " + e.getMessage());
    }
  }

  /** The day arXiv last changed the record (OAI datestamp). */
  public static LocalDate datestamp(OaiRecord record) {
    try {
      return LocalDate.parse(
          record.datestamp().substring(0, Math.min(10, record.datestamp().length())));
    } catch (DateTimeParseException e) {
      throw new InvalidRecord("datestamp '" + record.datestamp() + "' is not a date");
    }
  }

  /**
   * @throws InvalidRecord when a required field is missing or malformed, or the record is deleted
   */
  public static Paper toPaper(OaiRecord record) {
    if (record.deleted() || record.format() == null) {
      throw new InvalidRecord("a deleted record has no metadata");
    }
    ArxivId id = id(record);
    return switch (record.format()) {
      case "arXivRaw" -> arXivRaw(id, record);
      case "arXiv" -> arXiv(id, record);
      case "dc" -> dublinCore(id, record);
      default -> throw new InvalidRecord("unknown metadata format " + record.format());
    };
  }

  private static Paper arXivRaw(ArxivId id, OaiRecord record) {
    List<PaperVersion> versions = new ArrayList<>();
    for (OaiRecord.Version version : record.versions()) {
      versions.add(new PaperVersion(versionNumber(version.version()), rfc1123(version.date())));
    }
    if (versions.isEmpty()) {
      throw new InvalidRecord("no versions");
    }
    return paper(id, record, splitAuthors(record.field("authors")), versions);
  }

  /**
   * The {@code arXiv} format has the first and latest submission dates but no version numbers: the
   * paper is stored with v1 only, and a later arXivRaw record or snapshot fills in the rest.
   */
  private static Paper arXiv(ArxivId id, OaiRecord record) {
    List<String> authors = new ArrayList<>();
    for (OaiRecord.Author author : record.authors()) {
      String name =
          ArxivText.name(
              nullToEmpty(author.forenames())
                  + " "
                  + author.keyname()
                  + " "
                  + nullToEmpty(author.suffix()));
      if (!name.isEmpty()) {
        authors.add(name);
      }
    }
    String created = record.field("created");
    if (created == null) {
      throw new InvalidRecord("no created date");
    }
    return paper(id, record, authors, List.of(new PaperVersion(1, day(created))));
  }

  private static Paper dublinCore(ArxivId id, OaiRecord record) {
    List<String> authors = new ArrayList<>();
    for (String creator : record.all("creator")) {
      // "Last, First" as arXiv writes creators.
      int comma = creator.indexOf(',');
      String name =
          comma < 0 ? creator : creator.substring(comma + 1) + " " + creator.substring(0, comma);
      String folded = ArxivText.name(name);
      if (!folded.isEmpty()) {
        authors.add(folded);
      }
    }
    List<PaperVersion> versions = new ArrayList<>();
    List<String> dates = record.all("date");
    for (int i = 0; i < dates.size(); i++) {
      versions.add(new PaperVersion(i + 1, day(dates.get(i))));
    }
    if (versions.isEmpty()) {
      throw new InvalidRecord("no dates");
    }
    List<String> descriptions = record.all("description");
    String title = ArxivText.fold(record.field("title"));
    if (title.isEmpty()) {
      throw new InvalidRecord("missing title");
    }
    return new Paper(
        id,
        title,
        ArxivText.abstractParagraphs(descriptions.isEmpty() ? null : descriptions.get(0)),
        authors,
        List.of(), // dc subjects are names, not category codes
        descriptions.stream()
            .filter(d -> d.startsWith("Comment:"))
            .map(d -> ArxivText.fold(d.substring("Comment:".length())))
            .findFirst()
            .orElse(null),
        null,
        null,
        null,
        null,
        null,
        versions,
        datestamp(record));
  }

  private static Paper paper(
      ArxivId id, OaiRecord record, List<String> authors, List<PaperVersion> versions) {
    String title = ArxivText.fold(record.field("title"));
    if (title.isEmpty()) {
      throw new InvalidRecord("missing title");
    }
    String categories = ArxivText.fold(record.field("categories"));
    return new Paper(
        id,
        title,
        ArxivText.abstractParagraphs(record.field("abstract")),
        authors,
        categories.isEmpty() ? List.of() : Arrays.stream(categories.split(" ")).distinct().toList(),
        ArxivText.foldOrNull(record.field("comments")),
        ArxivText.foldOrNull(record.field("journal-ref")),
        ArxivText.foldOrNull(record.field("doi")),
        ArxivText.foldOrNull(record.field("license")),
        ArxivText.foldOrNull(record.field("report-no")),
        ArxivText.foldOrNull(record.field("submitter")),
        versions,
        datestamp(record));
  }

  /** arXivRaw's authors: one string, "A. One, B. Two, and C. Three". */
  static List<String> splitAuthors(@Nullable String authors) {
    List<String> names = new ArrayList<>();
    for (String name : ArxivText.fold(authors).split(",\\s*(?:and\\s+)?|\\s+and\\s+")) {
      if (!name.isBlank()) {
        names.add(TexAccents.decode(name.strip()));
      }
    }
    return names;
  }

  private static int versionNumber(String label) {
    try {
      int number = Integer.parseInt(label.strip().replaceFirst("^v", ""));
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // handled below
    }
    throw new InvalidRecord("version '" + label + "' is not vN");
  }

  private static Instant rfc1123(String date) {
    try {
      return ZonedDateTime.parse(ArxivText.fold(date), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRecord("version date '" + date + "' is not an RFC 1123 date");
    }
  }

  private static Instant day(String date) {
    try {
      return LocalDate.parse(date.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRecord("date '" + date + "' is not YYYY-MM-DD");
    }
  }

  private static String nullToEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }
}
