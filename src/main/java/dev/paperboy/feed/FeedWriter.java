package dev.paperboy.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes feeds with Rome. Every string, links included, is cleaned of the characters XML 1.0 cannot
 * carry (control characters, lone surrogates) before Rome escapes it, so the output is always
 * well-formed whatever a title holds (docs/reliability.md API-3).
 */
final class FeedWriter {
  /** The most entries a feed carries. */
  static final int MAX_ITEMS = 50;

  /** Summaries are cut here: a feed stays small however long an abstract is. */
  static final int MAX_SUMMARY = 2_000;

  enum Format {
    RSS("rss_2.0", "application/rss+xml;charset=utf-8"),
    ATOM("atom_1.0", "application/atom+xml;charset=utf-8");

    final String romeType;
    final String contentType;

    Format(String romeType, String contentType) {
      this.romeType = romeType;
      this.contentType = contentType;
    }

    static Format of(String extension) {
      return switch (extension) {
        case "rss" -> RSS;
        case "atom" -> ATOM;
        default -> throw new IllegalArgumentException("feeds are .rss or .atom, not ." + extension);
      };
    }
  }

  private FeedWriter() {}

  static String write(
      Format format,
      String title,
      String link,
      String selfLink,
      String description,
      List<FeedItem> items,
      Instant updated) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(format.romeType);
    feed.setTitle(clean(title));
    feed.setLink(clean(link));
    feed.setUri(clean(selfLink));
    feed.setDescription(clean(description));
    feed.setPublishedDate(Date.from(updated));
    feed.setEncoding("UTF-8");
    List<SyndEntry> entries = new ArrayList<>();
    for (FeedItem item : items.subList(0, Math.min(MAX_ITEMS, items.size()))) {
      SyndEntry entry = new SyndEntryImpl();
      entry.setTitle(clean(item.title()));
      entry.setLink(clean(item.link()));
      entry.setUri(clean(item.link()));
      entry.setPublishedDate(Date.from(item.published()));
      entry.setUpdatedDate(Date.from(item.published()));
      SyndContent summary = new SyndContentImpl();
      summary.setType("text/plain");
      String text = clean(item.summary());
      summary.setValue(cut(text));
      entry.setDescription(summary);
      List<SyndPerson> authors = new ArrayList<>();
      for (String name : item.authors()) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(clean(name));
        authors.add(person);
      }
      entry.setAuthors(authors);
      if (!item.authors().isEmpty()) {
        entry.setAuthor(clean(String.join(", ", item.authors())));
      }
      List<SyndCategory> categories = new ArrayList<>();
      for (String code : item.categories()) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(clean(code));
        categories.add(category);
      }
      entry.setCategories(categories);
      entries.add(entry);
    }
    feed.setEntries(entries);
    try {
      return new SyndFeedOutput().outputString(feed, true);
    } catch (FeedException e) {
      throw new IllegalStateException("Rome could not write a feed of clean text", e);
    }
  }

  /**
   * The text up to {@link #MAX_SUMMARY} characters, never between the two halves of a character
   * outside the BMP (a lone half is not XML: FeedWriterTest).
   */
  static String cut(String text) {
    if (text.length() <= MAX_SUMMARY) {
      return text;
    }
    int end =
        Character.isHighSurrogate(text.charAt(MAX_SUMMARY - 1)) ? MAX_SUMMARY - 1 : MAX_SUMMARY;
    return text.substring(0, end) + " …";
  }

  /**
   * Removes what XML 1.0 cannot hold: C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates.
   */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        continue;
      } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
