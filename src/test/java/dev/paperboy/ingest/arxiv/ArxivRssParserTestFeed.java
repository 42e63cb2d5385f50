package dev.paperboy.ingest.arxiv;

import java.io.IOException;

/** The recorded listing feed, for tests in other packages. */
public final class ArxivRssParserTestFeed {
  private ArxivRssParserTestFeed() {}

  public static String feed() throws IOException {
    return ArxivRssParserTest.feed();
  }
}
