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
      Channel channel = new Channel();
      SafeXml.document(
          reader,
          name ->
              switch (name) {
                case "channel" -> {
                  channel.seen = true;
                  yield false;
                }
                // The channel's own title and pubDate come before any item's.
                case "title" -> {
                  String title = SafeXml.text(reader).strip();
                  channel.title = channel.title == null ? title : channel.title;
                  yield true;
                }
                case "pubDate" -> {
                  String pubDate = SafeXml.text(reader).strip();
                  channel.pubDate = channel.pubDate == null ? pubDate : channel.pubDate;
                  yield true;
                }
                case "item" -> {
                  if (channel.items.size() >= MAX_ITEMS) {
                    throw new ArxivFormatException("more than " + MAX_ITEMS + " items in one feed");
                  }
                  channel.items.add(item(reader));
                  yield true;
                }
                default -> false;
              });
      if (!channel.seen || channel.title == null) {
        throw new ArxivFormatException("not an RSS feed (no channel or title)");
      }
      return new Listing(channel.title, channel.pubDate, channel.items);
    } finally {
      SafeXml.close(reader);
    }
  }

  /** What the walk over a feed has found so far. */
  private static final class Channel {
    boolean seen;
    @Nullable String title;
    @Nullable String pubDate;
    final List<ListingItem> items = new ArrayList<>();
  }

  /** The fields of one item as the walk finds them. */
  private static final class Item {
    @Nullable String guid;
    String title = "";
    String description = "";
    @Nullable String announceType;
    @Nullable String creators;
    @Nullable String rights;
    @Nullable String doi;
    @Nullable String journalRef;
    final List<String> categories = new ArrayList<>();
  }

  private static ListingItem item(XMLStreamReader reader) {
    Item i = new Item();
    SafeXml.inside(
        reader,
        "an item",
        name -> {
          String text = SafeXml.text(reader);
          switch (name) {
            case "guid" -> i.guid = text.strip();
            case "title" -> i.title = text;
            case "description" -> i.description = text;
            case "category" -> i.categories.add(text.strip());
            case "announce_type" -> i.announceType = text.strip();
            case "creator" -> i.creators = text;
            case "rights" -> i.rights = text.strip();
            case "DOI" -> i.doi = text.strip();
            case "journal_reference" -> i.journalRef = text;
            default -> {} // read and left: an item's other elements hold text only
          }
          return true;
        });
    if (i.guid == null) {
      throw new ArxivFormatException("an item without guid");
    }
    return new ListingItem(
        i.guid,
        i.title,
        i.description,
        i.categories,
        i.announceType,
        i.creators,
        i.rights,
        i.doi,
        i.journalRef);
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
