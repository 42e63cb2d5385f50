package dev.paperboy.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Snapshot files of any length for the importer's tests, made of the real sample's records. */
public final class SnapshotLines {
  private SnapshotLines() {}

  /** {@code count} valid lines: the sample's records again and again, each under a new id. */
  public static byte[] many(int count) {
    List<String> sample;
    try {
      sample = SnapshotAdapterTest.sampleLines();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String id =
          "\"id\": \"%s\""
              .formatted(
                  i < 100_000 ? "2401.%05d".formatted(i) : "2402.%05d".formatted(i - 100_000));
      lines.append(sample.get(i % sample.size()).replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", id));
      lines.append('\n');
    }
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }
}
