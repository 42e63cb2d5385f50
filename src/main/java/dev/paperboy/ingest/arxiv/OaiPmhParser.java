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
    String responseDate = null;
    String errorCode = null;
    String errorMessage = null;
    String token = null;
    Long completeListSize = null;
    Long cursor = null;
    boolean sawRoot = false;
    List<OaiRecord> records = new ArrayList<>();
    for (int event = SafeXml.next(reader);
        event != XMLStreamReader.END_DOCUMENT;
        event = SafeXml.next(reader)) {
      if (event != XMLStreamReader.START_ELEMENT) {
        continue;
      }
      switch (reader.getLocalName()) {
        case "OAI-PMH" -> sawRoot = true;
        case "responseDate" -> responseDate = SafeXml.text(reader).strip();
        case "error" -> {
          errorCode = reader.getAttributeValue(null, "code");
          errorMessage = SafeXml.text(reader).strip();
        }
        case "record" -> {
          if (records.size() >= MAX_RECORDS_PER_PAGE) {
            throw new ArxivFormatException(
                "more than " + MAX_RECORDS_PER_PAGE + " records on one page");
          }
          records.add(record(reader));
        }
        case "resumptionToken" -> {
          completeListSize = number(reader.getAttributeValue(null, "completeListSize"));
          cursor = number(reader.getAttributeValue(null, "cursor"));
          token = SafeXml.text(reader).strip();
        }
        default -> {}
      }
    }
    if (!sawRoot || responseDate == null) {
      throw new ArxivFormatException("not an OAI-PMH response (no OAI-PMH root or responseDate)");
    }
    return new OaiPage(
        responseDate, errorCode, errorMessage, records, token, completeListSize, cursor);
  }

  private static OaiRecord record(XMLStreamReader reader) {
    String identifier = null;
    String datestamp = null;
    boolean deleted = false;
    String format = null;
    List<String> sets = new ArrayList<>();
    Map<String, List<String>> fields = new LinkedHashMap<>();
    List<OaiRecord.Author> authors = new ArrayList<>();
    List<OaiRecord.Version> versions = new ArrayList<>();
    int depth = 1;
    while (depth > 0) {
      int event = SafeXml.next(reader);
      if (event == XMLStreamReader.END_ELEMENT) {
        depth--;
        continue;
      }
      if (event == XMLStreamReader.END_DOCUMENT) {
        throw new ArxivFormatException("truncated XML inside a record");
      }
      if (event != XMLStreamReader.START_ELEMENT) {
        continue;
      }
      String name = reader.getLocalName();
      switch (name) {
        case "header" -> {
          deleted = "deleted".equals(reader.getAttributeValue(null, "status"));
          depth++;
        }
        case "identifier" -> {
          if (format == null) {
            identifier = SafeXml.text(reader).strip();
          } else {
            add(fields, name, SafeXml.text(reader));
          }
        }
        case "datestamp" -> datestamp = SafeXml.text(reader).strip();
        case "setSpec" -> sets.add(SafeXml.text(reader).strip());
        case "author" -> authors.add(author(reader));
        case "version" -> versions.add(version(reader));
        default -> {
          if (METADATA_FORMATS.contains(name) && format == null) {
            format = name;
            depth++;
          } else if (format != null && !isContainer(name, format)) {
            add(fields, name, SafeXml.text(reader));
          } else {
            depth++;
          }
        }
      }
    }
    if (identifier == null || datestamp == null) {
      throw new ArxivFormatException("a record without identifier or datestamp");
    }
    return new OaiRecord(
        identifier, datestamp, List.copyOf(sets), deleted, format, fields, authors, versions);
  }

  /** Elements that only hold other elements ({@code authors} is text in arXivRaw). */
  private static boolean isContainer(String name, String format) {
    return name.equals("authors") ? format.equals("arXiv") : name.equals("about");
  }

  private static OaiRecord.Author author(XMLStreamReader reader) {
    String keyname = null;
    String forenames = null;
    String suffix = null;
    int depth = 1;
    while (depth > 0) {
      int event = SafeXml.next(reader);
      if (event == XMLStreamReader.START_ELEMENT) {
        switch (reader.getLocalName()) {
          case "keyname" -> keyname = SafeXml.text(reader);
          case "forenames" -> forenames = SafeXml.text(reader);
          case "suffix" -> suffix = SafeXml.text(reader);
          default -> SafeXml.text(reader); // affiliation and the like: not kept
        }
      } else if (event == XMLStreamReader.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamReader.END_DOCUMENT) {
        throw new ArxivFormatException("truncated XML inside an author");
      }
    }
    if (keyname == null) {
      throw new ArxivFormatException("an author without keyname");
    }
    return new OaiRecord.Author(keyname, forenames, suffix);
  }

  private static OaiRecord.Version version(XMLStreamReader reader) {
    String label = reader.getAttributeValue(null, "version");
    String date = null;
    int depth = 1;
    while (depth > 0) {
      int event = SafeXml.next(reader);
      if (event == XMLStreamReader.START_ELEMENT) {
        if (reader.getLocalName().equals("date")) {
          date = SafeXml.text(reader);
        } else {
          SafeXml.text(reader);
        }
      } else if (event == XMLStreamReader.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamReader.END_DOCUMENT) {
        throw new ArxivFormatException("truncated XML inside a version");
      }
    }
    if (label == null || date == null) {
      throw new ArxivFormatException("a version without number or date");
    }
    return new OaiRecord.Version(label, date.strip());
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
