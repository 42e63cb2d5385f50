package dev.paperboy.ingest.arxiv;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads an OAI-PMH response (ListRecords or GetRecord, metadata {@code arXiv}, {@code arXivRaw} or
 * {@code oai_dc}) into an {@link OaiPage}, streaming: one record at a time is in memory.
 */
public final class OaiPmhParser {
  /** More records than this on one page is not arXiv; the page is refused (ING-2). */
  public static final int MAX_RECORDS_PER_PAGE = 50_000;

  private static final Set<String> METADATA_FORMATS = Set.of("arXiv", "arXivRaw", "dc");

  private OaiPmhParser() {}

  /**
   * @throws ArxivFormatException for anything that is not a well-formed, DOCTYPE-free OAI-PMH
   *     response
   */
  public static OaiPage parse(InputStream in) {
    XMLStreamReader reader = SafeXml.open(in);
    try {
      return page(reader);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new ArxivFormatException("unreadable OAI-PMH response: " + e.getMessage(), e);
    } finally {
      SafeXml.close(reader);
    }
  }

  private static OaiPage page(XMLStreamReader reader) {
    Page page = new Page();
    SafeXml.document(
        reader,
        name ->
            switch (name) {
              case "OAI-PMH" -> {
                page.seen = true;
                yield false;
              }
              case "responseDate" -> {
                page.responseDate = SafeXml.text(reader).strip();
                yield true;
              }
              case "error" -> {
                page.errorCode = reader.getAttributeValue(null, "code");
                page.errorMessage = SafeXml.text(reader).strip();
                yield true;
              }
              case "record" -> {
                if (page.records.size() >= MAX_RECORDS_PER_PAGE) {
                  throw new ArxivFormatException(
                      "more than " + MAX_RECORDS_PER_PAGE + " records on one page");
                }
                page.records.add(record(reader));
                yield true;
              }
              case "resumptionToken" -> {
                page.completeListSize = number(reader.getAttributeValue(null, "completeListSize"));
                page.cursor = number(reader.getAttributeValue(null, "cursor"));
                page.token = SafeXml.text(reader).strip();
                yield true;
              }
              default -> false;
            });
    if (!page.seen || page.responseDate == null) {
      throw new ArxivFormatException("not an OAI-PMH response (no OAI-PMH root or responseDate)");
    }
    return new OaiPage(
        page.responseDate,
        page.errorCode,
        page.errorMessage,
        page.records,
        page.token,
        page.completeListSize,
        page.cursor);
  }

  /** What the walk over a response has found so far. */
  private static final class Page {
    boolean seen;
    @Nullable String responseDate;
    @Nullable String errorCode;
    @Nullable String errorMessage;
    @Nullable String token;
    @Nullable Long completeListSize;
    @Nullable Long cursor;
    final List<OaiRecord> records = new ArrayList<>();
  }

  /** The parts of one record as the walk finds them. */
  private static final class Record {
    @Nullable String identifier;
    @Nullable String datestamp;
    boolean deleted;
    @Nullable String format;
    final List<String> sets = new ArrayList<>();
    final Map<String, List<String>> fields = new LinkedHashMap<>();
    final List<OaiRecord.Author> authors = new ArrayList<>();
    final List<OaiRecord.Version> versions = new ArrayList<>();
  }

  private static OaiRecord record(XMLStreamReader reader) {
    Record r = new Record();
    SafeXml.inside(
        reader,
        "a record",
        name -> {
          switch (name) {
            case "header" -> {
              r.deleted = "deleted".equals(reader.getAttributeValue(null, "status"));
              return false;
            }
            // The header's identifier; inside metadata (oai_dc) an identifier is a field.
            case "identifier" -> {
              if (r.format == null) {
                r.identifier = SafeXml.text(reader).strip();
              } else {
                add(r.fields, name, SafeXml.text(reader));
              }
            }
            case "datestamp" -> r.datestamp = SafeXml.text(reader).strip();
            case "setSpec" -> r.sets.add(SafeXml.text(reader).strip());
            case "author" -> r.authors.add(author(reader));
            case "version" -> r.versions.add(version(reader));
            default -> {
              if (METADATA_FORMATS.contains(name) && r.format == null) {
                r.format = name;
                return false;
              }
              if (r.format == null || isContainer(name, r.format)) {
                return false;
              }
              add(r.fields, name, SafeXml.text(reader));
            }
          }
          return true;
        });
    if (r.identifier == null || r.datestamp == null) {
      throw new ArxivFormatException("a record without identifier or datestamp");
    }
    return new OaiRecord(
        r.identifier,
        r.datestamp,
        List.copyOf(r.sets),
        r.deleted,
        r.format,
        r.fields,
        r.authors,
        r.versions);
  }

  /** Elements that only hold other elements ({@code authors} is text in arXivRaw). */
  private static boolean isContainer(String name, String format) {
    return name.equals("authors") ? format.equals("arXiv") : name.equals("about");
  }

  private static OaiRecord.Author author(XMLStreamReader reader) {
    String[] parts = new String[3]; // keyname, forenames, suffix
    SafeXml.inside(
        reader,
        "an author",
        name -> {
          String text = SafeXml.text(reader); // affiliation and the like: read, not kept
          switch (name) {
            case "keyname" -> parts[0] = text;
            case "forenames" -> parts[1] = text;
            case "suffix" -> parts[2] = text;
            default -> {}
          }
          return true;
        });
    if (parts[0] == null) {
      throw new ArxivFormatException("an author without keyname");
    }
    return new OaiRecord.Author(parts[0], parts[1], parts[2]);
  }

  private static OaiRecord.Version version(XMLStreamReader reader) {
    String label = reader.getAttributeValue(null, "version");
    String[] date = new String[1];
    SafeXml.inside(
        reader,
        "a version",
        name -> {
          String text = SafeXml.text(reader);
          if (name.equals("date")) {
            date[0] = text;
          }
          return true;
        });
    if (label == null || date[0] == null) {
      throw new ArxivFormatException("a version without number or date");
    }
    return new OaiRecord.Version(label, date[0].strip());
  }

  private static void add(Map<String, List<String>> fields, String name, String value) {
    fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
  }

  private static @Nullable Long number(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new ArxivFormatException("not a number in resumptionToken: " + text);
    }
  }
}
