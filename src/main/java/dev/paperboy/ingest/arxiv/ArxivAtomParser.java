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
      Long total = null;
      boolean sawFeed = false;
      List<AtomEntry> entries = new ArrayList<>();
      for (int event = SafeXml.next(reader);
          event != XMLStreamReader.END_DOCUMENT;
          event = SafeXml.next(reader)) {
        if (event != XMLStreamReader.START_ELEMENT) {
          continue;
        }
        switch (reader.getLocalName()) {
          case "feed" -> sawFeed = true;
          case "totalResults" -> total = number(SafeXml.text(reader));
          case "entry" -> {
            if (entries.size() >= MAX_ENTRIES) {
              throw new ArxivFormatException("more than " + MAX_ENTRIES + " entries in one answer");
            }
            entries.add(entry(reader));
          }
          default -> {}
        }
      }
      if (!sawFeed) {
        throw new ArxivFormatException("not an Atom feed");
      }
      return new AtomFeed(total, entries);
    } finally {
      SafeXml.close(reader);
    }
  }

  private static AtomEntry entry(XMLStreamReader reader) {
    String id = null;
    String title = "";
    String summary = "";
    String published = null;
    String updated = null;
    String primary = null;
    String comment = null;
    String journalRef = null;
    String doi = null;
    List<String> authors = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    int depth = 1;
    while (depth > 0) {
      int event = SafeXml.next(reader);
      if (event == XMLStreamReader.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamReader.END_DOCUMENT) {
        throw new ArxivFormatException("truncated XML inside an entry");
      } else if (event == XMLStreamReader.START_ELEMENT) {
        switch (reader.getLocalName()) {
          case "id" -> id = SafeXml.text(reader).strip();
          case "title" -> title = SafeXml.text(reader);
          case "summary" -> summary = SafeXml.text(reader);
          case "published" -> published = SafeXml.text(reader).strip();
          case "updated" -> updated = SafeXml.text(reader).strip();
          case "name" -> authors.add(ArxivText.fold(SafeXml.text(reader)));
          case "category" -> {
            String term = reader.getAttributeValue(null, "term");
            if (term != null) {
              categories.add(term.strip());
            }
            depth++;
          }
          case "primary_category" -> {
            primary = reader.getAttributeValue(null, "term");
            depth++;
          }
          case "comment" -> comment = SafeXml.text(reader);
          case "journal_ref" -> journalRef = SafeXml.text(reader);
          case "doi" -> doi = SafeXml.text(reader);
          default -> depth++; // author, link, affiliation containers and empty elements
        }
      }
    }
    if (id == null) {
      throw new ArxivFormatException("an entry without id");
    }
    return new AtomEntry(
        id,
        title,
        summary,
        published,
        updated,
        authors,
        categories,
        primary,
        comment,
        journalRef,
        doi);
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
