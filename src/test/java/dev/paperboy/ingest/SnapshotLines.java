package dev.paperboy.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Snapshot files of any length for the importer's tests, made of the real sample's records. */
public final class SnapshotLines {
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"[^\"]+\"");

  private SnapshotLines() {}

  /**
   * Writes {@code count} valid lines to {@code out}: the sample's records again and again, each
   * under a new id. Streamed, because 60,000 lines held in one string took most of a 1 GB test
   * heap.
   */
  public static void write(OutputStream out, int count) throws IOException {
    List<String> sample = SnapshotAdapterTest.sampleLines();
    BufferedWriter lines = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    for (int i = 0; i < count; i++) {
      String id = i < 100_000 ? "2401.%05d".formatted(i) : "2402.%05d".formatted(i - 100_000);
      lines.write(
          ID.matcher(sample.get(i % sample.size()))
              .replaceFirst(Matcher.quoteReplacement("\"id\": \"%s\"".formatted(id))));
      lines.write('\n');
    }
    lines.flush();
  }
}
