package dev.paperboy.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The expected seed papers, read from the shipped seed-day.json rather than copied into tests. */
public final class SeedDayFile {
  private SeedDayFile() {}

  public record SeedPaper(String id, String title, List<String> authors) {}

  public static List<SeedPaper> papers() {
    try (InputStream in = SeedDayFile.class.getResourceAsStream("/demo/seed-day.json")) {
      JsonNode root = JsonMapper.builder().build().readTree(in);
      List<SeedPaper> papers = new ArrayList<>();
      for (JsonNode paper : root.get("papers")) {
        List<String> authors = new ArrayList<>();
        paper.get("authors").forEach(a -> authors.add(a.asString()));
        papers.add(
            new SeedPaper(paper.get("id").asString(), paper.get("title").asString(), authors));
      }
      return papers;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
