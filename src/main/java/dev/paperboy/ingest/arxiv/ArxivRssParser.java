package dev.paperboy.ingest.arxiv;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/** Reads arXiv's RSS 2.0 listing feeds (rss.arxiv.org, with arxiv:announce_type). */
public final class ArxivRssParser {
  /** arXiv caps a feed at 2,000 results; more is not arXiv. */
  public static final int MAX_ITEMS = 5_000;

  private static final String GUID_PREFIX = "oai:arXiv.org:";

  private ArxivRssParser() {}

  /**
   * @throws ArxivFormatException for anything that is not a well-formed, DOCTYPE-free RSS feed
   */
  public static Listing parse(InputStream in) {
    XMLStreamReader reader = SafeXml.open(in);
    try {
      String title = null;
      String pubDate = null;
      boolean sawChannel = false;
      List<ListingItem> items = new ArrayList<>();
      for (int event = SafeXml.next(reader);
          event != XMLStreamReader.END_DOCUMENT;
          event = SafeXml.next(reader)) {
        if (event != XMLStreamReader.START_ELEMENT) {
          continue;
        }
        switch (reader.getLocalName()) {
          case "channel" -> sawChannel = true;
          case "title" -> title = title == null ? SafeXml.text(reader).strip() : title;
          case "pubDate" -> pubDate = pubDate == null ? SafeXml.text(reader).strip() : pubDate;
          case "item" -> {
            if (items.size() >= MAX_ITEMS) {
              throw new ArxivFormatException("more than " + MAX_ITEMS + " items in one feed");
            }
            items.add(item(reader));
          }
          default -> {}
        }
      }
      if (!sawChannel || title == null) {
        throw new ArxivFormatException("not an RSS feed (no channel or title)");
      }
      return new Listing(title, pubDate, items);
    } finally {
      SafeXml.close(reader);
    }
  }

  private static ListingItem item(XMLStreamReader reader) {
    String guid = null;
    String title = "";
    String description = "";
    String announceType = null;
    String creators = null;
    String rights = null;
    String doi = null;
    String journalRef = null;
    List<String> categories = new ArrayList<>();
    int depth = 1;
    while (depth > 0) {
      int event = SafeXml.next(reader);
      if (event == XMLStreamReader.END_ELEMENT) {
        depth--;
      } else if (event == XMLStreamReader.END_DOCUMENT) {
        throw new ArxivFormatException("truncated XML inside an item");
      } else if (event == XMLStreamReader.START_ELEMENT) {
        switch (reader.getLocalName()) {
          case "guid" -> guid = SafeXml.text(reader).strip();
          case "title" -> title = SafeXml.text(reader);
          case "description" -> description = SafeXml.text(reader);
          case "category" -> categories.add(SafeXml.text(reader).strip());
          case "announce_type" -> announceType = SafeXml.text(reader).strip();
          case "creator" -> creators = SafeXml.text(reader);
          case "rights" -> rights = SafeXml.text(reader).strip();
          case "DOI" -> doi = SafeXml.text(reader).strip();
          case "journal_reference" -> journalRef = SafeXml.text(reader);
          default -> SafeXml.text(reader);
        }
      }
    }
    if (guid == null) {
      throw new ArxivFormatException("an item without guid");
    }
    return new ListingItem(
        guid, title, description, categories, announceType, creators, rights, doi, journalRef);
  }

  /** The versioned id of an item, from its guid. */
  public static ArxivId id(ListingItem item) {
    if (!item.guid().startsWith(GUID_PREFIX)) {
      throw new InvalidRecord("guid '" + item.guid() + "' is not an arXiv OAI identifier");
    }
    try {
      return ArxivId.parse(item.guid().substring(GUID_PREFIX.length()));
    } catch (InvalidArxivId e) {
      throw new InvalidRecord("invalid id: " + e.getMessage());
    }
  }

  /** The announcement day a feed is for, from its channel pubDate (arXiv writes it in ET). */
  public static @Nullable LocalDate day(Listing listing) {
    if (listing.pubDate() == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(listing.pubDate(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toLocalDate();
    } catch (DateTimeParseException e) {
      throw new ArxivFormatException(
          "channel pubDate '" + listing.pubDate() + "' is not an RFC 822 date");
    }
  }
}
