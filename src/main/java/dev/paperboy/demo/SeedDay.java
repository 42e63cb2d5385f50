package dev.paperboy.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The wire form of {@code seed-day.json}: the seven papers of the page Paperboy grew from. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SeedDay(
    @JsonProperty("list_date") LocalDate listDate, String curator, List<SeedPaper> papers) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record SeedPaper(
      String id,
      String title,
      @JsonProperty("abstract") String abstractText,
      List<String> authors,
      List<String> categories,
      List<SeedVersion> versions) {

    /** The seed gives version dates only; they are taken as midnight UTC. */
    Paper toPaper() {
      return new Paper(
          ArxivId.parse(id),
          title,
          abstractText,
          authors,
          categories,
          null,
          null,
          null,
          null,
          null,
          null,
          versions.stream()
              .map(
                  v ->
                      new PaperVersion(
                          Integer.parseInt(v.version().substring(1)),
                          v.date().atStartOfDay(ZoneOffset.UTC).toInstant()))
              .toList(),
          null);
    }
  }

  record SeedVersion(String version, LocalDate date) {}
}
