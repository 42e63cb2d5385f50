package dev.paperboy.ingest;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.store.SqlValues;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What arXiv announced in the followed categories, by day: read side for the "New" page. */
@Service
public class Announcements {
  private final JdbcClient jdbc;

  Announcements(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
