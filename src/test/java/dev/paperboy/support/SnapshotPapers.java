package dev.paperboy.support;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Papers of a snapshot fixture by the fields that tests of links and lists read (title, abstract,
 * categories, comments), one version each; the importer's own tests cover the rest of the format.
 */
public final class SnapshotPapers {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SnapshotPapers() {}

  /** The papers of a JSON-lines resource on the test class path, in file order. */
  public static List<Paper> read(String resource) {
    try (InputStream in = SnapshotPapers.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      List<Paper> papers = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        papers.add(paper(JSON.readTree(line)));
      }
      return papers;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Paper paper(JsonNode record) {
    JsonNode comments = record.get("comments");
    return new Paper(
        ArxivId.parse(record.get("id").asString()),
        record.get("title").asString().replaceAll("\\s+", " ").strip(),
        record.get("abstract").asString().strip(),
        List.of("A. Author"),
        List.of(record.get("categories").asString().split(" ")),
        comments == null || comments.isNull() ? null : comments.asString(),
        null,
        null,
        null,
        null,
        null,
        List.of(new PaperVersion(1, Instant.parse("2016-10-03T00:00:00Z"))),
        null);
  }
}
