package dev.paperboy.digest;

import dev.paperboy.paper.ArxivId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One digest edition: a cadence's period, and the period's top trending papers as they stood when
 * the edition was decided (every subscriber's digest starts from the same list).
 */
public record Edition(
    long id,
    Cadence cadence,
    String period,
    LocalDate firstDay,
    LocalDate lastDay,
    List<ArxivId> papers,
    Instant createdAt) {
  public Edition {
    papers = List.copyOf(papers);
  }
}
