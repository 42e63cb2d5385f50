package dev.paperboy.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@link OaiPages} for tests in other packages. */
public final class OaiPagesForTests {
  private OaiPagesForTests() {}

  public static List<String> records() throws IOException {
    return OaiPages.records();
  }

  /** {@code count} records: the six real ones again and again, each under a new id. */
  public static List<String> records(int count) throws IOException {
    List<String> real = OaiPages.records();
    List<String> many = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String record = real.get(i % real.size());
      many.add(record.replace(OaiPages.idOf(record), "2402.%05d".formatted(i)));
    }
    return many;
  }

  public static String page(List<String> records, String token, long completeListSize) {
    return OaiPages.page(records, token, completeListSize);
  }
}
