package dev.paperboy.ingest;

import java.io.IOException;
import java.util.List;

/** {@link OaiPages} for tests in other packages. */
public final class OaiPagesForTests {
  private OaiPagesForTests() {}

  public static List<String> records() throws IOException {
    return OaiPages.records();
  }

  public static String page(List<String> records, String token, long completeListSize) {
    return OaiPages.page(records, token, completeListSize);
  }
}
