package dev.paperboy.ingest;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.store.SqlValues;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What arXiv announced in the followed categories, by day: read side for the "New" page. */
@Service
public class Announcements {
  private static final List<String> NEW_AND_CROSS = List.of("new", "cross", "replace-cross");

  private final JdbcClient jdbc;
  private final Papers papers;

  Announcements(JdbcClient jdbc, Papers papers) {
    this.jdbc = jdbc;
    this.papers = papers;
  }

  /**
   * What is new: a page of the papers arXiv announced on its latest announcement day (new papers
   * and cross-lists), or, before any listing has been read, of the most recently published papers.
   *
   * @param day the announcement day, or empty when the page lists the newest papers instead
   */
  public record Latest(Optional<LocalDate> day, List<Paper> papers) {}

  public Latest latest(int offset, int limit) {
    Optional<LocalDate> day = latestDay();
    if (day.isEmpty()) {
      return new Latest(day, papers.newest(offset, limit));
    }
    List<ArxivId> ids = day(day.get(), NEW_AND_CROSS);
    List<ArxivId> slice =
        ids.subList(Math.min(ids.size(), offset), Math.min(ids.size(), offset + limit));
    Map<String, Paper> byId = papers.findAll(slice);
    return new Latest(
        day, slice.stream().map(id -> byId.get(id.base())).filter(Objects::nonNull).toList());
  }

  public Optional<LocalDate> latestDay() {
    return jdbc.sql("SELECT max(announced_on) FROM announcements")
        .query((rs, n) -> Optional.ofNullable(SqlValues.date(rs, 1)))
        .single();
  }

  /** The papers announced on a day with one of the given types, in id order. */
  public List<ArxivId> day(LocalDate day, List<String> types) {
    return jdbc.sql(
            """
            SELECT arxiv_id FROM announcements
            WHERE announced_on = :day AND announce_type IN (:types)
            ORDER BY arxiv_id
            """)
        .param("day", SqlValues.text(day))
        .param("types", types)
        .query((rs, n) -> ArxivId.parse(rs.getString(1)))
        .list();
  }
}
