package dev.paperboy.ingest.arxiv;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/** Reads arXiv API answers (Atom 1.0 with the arxiv: and opensearch: extensions). */
public final class ArxivAtomParser {
  public static final int MAX_ENTRIES = 2_000;

  private ArxivAtomParser() {}

  /**
   * @throws ArxivFormatException for anything that is not a well-formed, DOCTYPE-free Atom feed
   */
  public static AtomFeed parse(InputStream in) {
    XMLStreamReader reader = SafeXml.open(in);
    try {
      Feed feed = new Feed();
      SafeXml.document(
          reader,
          name ->
              switch (name) {
                case "feed" -> {
                  feed.seen = true;
                  yield false;
                }
                case "totalResults" -> {
                  feed.total = number(SafeXml.text(reader));
                  yield true;
                }
                case "entry" -> {
                  if (feed.entries.size() >= MAX_ENTRIES) {
                    throw new ArxivFormatException(
                        "more than " + MAX_ENTRIES + " entries in one answer");
                  }
                  feed.entries.add(entry(reader));
                  yield true;
                }
                default -> false;
              });
      if (!feed.seen) {
        throw new ArxivFormatException("not an Atom feed");
      }
      return new AtomFeed(feed.total, feed.entries);
    } finally {
      SafeXml.close(reader);
    }
  }

  /** What the walk over a feed has found so far. */
  private static final class Feed {
    boolean seen;
    @Nullable Long total;
    final List<AtomEntry> entries = new ArrayList<>();
  }

  /** The fields of one entry as the walk finds them. */
  private static final class Entry {
    @Nullable String id;
    String title = "";
    String summary = "";
    @Nullable String published;
    @Nullable String updated;
    @Nullable String primary;
    @Nullable String comment;
    @Nullable String journalRef;
    @Nullable String doi;
    final List<String> authors = new ArrayList<>();
    final List<String> categories = new ArrayList<>();
  }

  private static AtomEntry entry(XMLStreamReader reader) {
    Entry e = new Entry();
    SafeXml.inside(
        reader,
        "an entry",
        name -> {
          switch (name) {
            case "id" -> e.id = SafeXml.text(reader).strip();
            case "title" -> e.title = SafeXml.text(reader);
            case "summary" -> e.summary = SafeXml.text(reader);
            case "published" -> e.published = SafeXml.text(reader).strip();
            case "updated" -> e.updated = SafeXml.text(reader).strip();
            case "name" -> e.authors.add(ArxivText.name(SafeXml.text(reader)));
            case "comment" -> e.comment = SafeXml.text(reader);
            case "journal_ref" -> e.journalRef = SafeXml.text(reader);
            case "doi" -> e.doi = SafeXml.text(reader);
            case "category" -> {
              String term = reader.getAttributeValue(null, "term");
              if (term != null) {
                e.categories.add(term.strip());
              }
              return false;
            }
            case "primary_category" -> {
              e.primary = reader.getAttributeValue(null, "term");
              return false;
            }
            default -> {
              return false; // author, link, affiliation containers and empty elements
            }
          }
          return true;
        });
    if (e.id == null) {
      throw new ArxivFormatException("an entry without id");
    }
    return new AtomEntry(
        e.id,
        e.title,
        e.summary,
        e.published,
        e.updated,
        e.authors,
        e.categories,
        e.primary,
        e.comment,
        e.journalRef,
        e.doi);
  }

  /**
   * The paper an entry describes. The API gives the first submission date ({@code published}) and
   * this version's date ({@code updated}), and the version in the id.
   *
   * @throws InvalidRecord for error entries and entries without a usable id or dates
   */
  public static Paper toPaper(AtomEntry entry) {
    if (entry.isError()) {
      throw new InvalidRecord("arXiv API error: " + ArxivText.fold(entry.summary()));
    }
    ArxivId versioned;
    try {
      versioned = ArxivId.parse(entry.id().replaceFirst("^https?://arxiv\\.org/abs/", ""));
    } catch (InvalidArxivId e) {
      throw new InvalidRecord("invalid id: " + e.getMessage());
    }
    Instant published = instant(entry.published(), "published");
    List<PaperVersion> versions = new ArrayList<>();
    versions.add(new PaperVersion(1, published));
    if (versioned.version() > 1) {
      versions.add(new PaperVersion(versioned.version(), instant(entry.updated(), "updated")));
    }
    List<String> categories = new ArrayList<>();
    if (entry.primaryCategory() != null) {
      categories.add(entry.primaryCategory());
    }
    entry.categories().stream().filter(c -> !categories.contains(c)).forEach(categories::add);
    String title = ArxivText.fold(entry.title());
    if (title.isEmpty()) {
      throw new InvalidRecord("missing title");
    }
    return new Paper(
        versioned.withoutVersion(),
        title,
        ArxivText.abstractParagraphs(entry.summary()),
        entry.authors().stream().filter(a -> !a.isEmpty()).toList(),
        categories,
        ArxivText.foldOrNull(entry.comment()),
        ArxivText.foldOrNull(entry.journalRef()),
        ArxivText.foldOrNull(entry.doi()),
        null,
        null,
        null,
        versions,
        null);
  }

  private static Instant instant(@Nullable String text, String field) {
    if (text == null) {
      throw new InvalidRecord("no " + field + " date");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRecord(field + " date '" + text + "' is not ISO-8601");
    }
  }

  private static @Nullable Long number(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new ArxivFormatException("opensearch:totalResults is not a number: " + text);
    }
  }
}
