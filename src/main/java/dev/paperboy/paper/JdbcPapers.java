package dev.paperboy.paper;

import static dev.paperboy.store.SqlValues.requiredInstant;
import static dev.paperboy.store.SqlValues.text;

import dev.paperboy.store.SqlValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class JdbcPapers implements Papers {
  /** Ids per IN list: far below SQLite's and PostgreSQL's bind limits. */
  private static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Map<UpsertOutcome, Counter> ingested = new EnumMap<>(UpsertOutcome.class);

  JdbcPapers(
      JdbcClient jdbc,
      JdbcTemplate batch,
      TransactionTemplate transaction,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.transaction = transaction;
    this.clock = clock;
    for (UpsertOutcome outcome : UpsertOutcome.values()) {
      ingested.put(
          outcome,
          meters.counter(
              "paperboy.ingest.papers", "outcome", outcome.name().toLowerCase(Locale.ROOT)));
    }
  }

  @Override
  public Optional<Paper> find(ArxivId id) {
    return Optional.ofNullable(findAll(List.of(id)).get(id.base()));
  }

  @Override
  public Map<String, Paper> findAll(Collection<ArxivId> ids) {
    List<String> keys = ids.stream().map(ArxivId::base).distinct().toList();
    Map<String, Paper> found = new HashMap<>();
    for (int from = 0; from < keys.size(); from += CHUNK) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
      load(chunk).forEach(paper -> found.put(paper.id().base(), paper));
    }
    return found;
  }

  @Override
  public Map<String, ArxivId> findByDoi(Collection<String> dois) {
    List<String> keys = dois.stream().map(d -> d.toLowerCase(Locale.ROOT)).distinct().toList();
    Map<String, ArxivId> found = new HashMap<>();
    for (int from = 0; from < keys.size(); from += CHUNK) {
      jdbc.sql("SELECT lower(doi), arxiv_id FROM papers WHERE lower(doi) IN (:dois)")
          .param("dois", keys.subList(from, Math.min(keys.size(), from + CHUNK)))
          .query((rs, n) -> Map.entry(rs.getString(1), ArxivId.parse(rs.getString(2))))
          .list()
          .forEach(e -> found.putIfAbsent(e.getKey(), e.getValue()));
    }
    return found;
  }

  @Override
  public List<Paper> newest(int offset, int limit) {
    List<String> ids =
        jdbc.sql(
                """
                SELECT arxiv_id FROM papers
                ORDER BY published_at DESC, arxiv_id DESC
                LIMIT :limit OFFSET :offset
                """)
            .param("limit", limit)
            .param("offset", offset)
            .query(String.class)
            .list();
    Map<String, Paper> papers = new HashMap<>();
    load(ids).forEach(paper -> papers.put(paper.id().base(), paper));
    return ids.stream().map(papers::get).toList();
  }

  @Override
  public List<ChangedPaper> changedSince(Instant after, String afterId, Instant until, int limit) {
    record Position(String id, Instant changedAt, @Nullable Instant deletedAt) {}
    List<Position> positions =
        jdbc.sql(
                """
                SELECT arxiv_id, changed_at, deleted_at FROM papers
                WHERE (changed_at > :after OR (changed_at = :after AND arxiv_id > :afterId))
                  AND changed_at <= :until
                ORDER BY changed_at, arxiv_id
                LIMIT :limit
                """)
            .param("after", text(after))
            .param("afterId", afterId)
            .param("until", text(until))
            .param("limit", limit)
            .query(
                (rs, n) ->
                    new Position(
                        rs.getString("arxiv_id"),
                        requiredInstant(rs, "changed_at"),
                        SqlValues.instant(rs, "deleted_at")))
            .list();
    Map<String, Paper> papers = new HashMap<>();
    load(positions.stream().map(Position::id).toList())
        .forEach(paper -> papers.put(paper.id().base(), paper));
    return positions.stream()
        .filter(p -> papers.containsKey(p.id()))
        .map(p -> new ChangedPaper(papers.get(p.id()), p.changedAt(), p.deletedAt()))
        .toList();
  }

  @Override
  public SortedMap<LocalDate, Long> publishedPerDay(LocalDate from, LocalDate until) {
    SortedMap<LocalDate, Long> perDay = new TreeMap<>();
    jdbc.sql(
            """
            SELECT published_on, count(*) AS papers FROM papers
            WHERE published_on >= :from AND published_on <= :until AND deleted_at IS NULL
            GROUP BY published_on
            """)
        .param("from", text(from))
        .param("until", text(until))
        .query(
            rs -> {
              perDay.put(SqlValues.requiredDate(rs, "published_on"), rs.getLong("papers"));
            });
    return perDay;
  }

  @Override
  public List<Map.Entry<String, Long>> topPrimaryCategories(int limit) {
    return jdbc.sql(
            """
            SELECT primary_category, count(*) AS papers FROM papers
            WHERE primary_category IS NOT NULL AND deleted_at IS NULL
            GROUP BY primary_category
            ORDER BY papers DESC, primary_category
            LIMIT :limit
            """)
        .param("limit", limit)
        .query((rs, n) -> Map.entry(rs.getString("primary_category"), rs.getLong("papers")))
        .list();
  }

  @Override
  public Optional<LocalDate> latestPublicationDay(int atLeast) {
    return jdbc.sql(
            """
            SELECT max(published_on) FROM (
                SELECT published_on FROM papers
                WHERE deleted_at IS NULL
                GROUP BY published_on
                HAVING count(*) >= :atLeast
            ) AS busy_days
            """)
        .param("atLeast", atLeast)
        .query((rs, n) -> Optional.ofNullable(SqlValues.date(rs, 1)))
        .single();
  }

  @Override
  public long count() {
    return jdbc.sql("SELECT count(*) FROM papers").query(Long.class).single();
  }

  private List<Paper> load(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, List<PaperVersion>> versions = new HashMap<>();
    jdbc.sql(
            """
            SELECT arxiv_id, version, created_at FROM paper_versions
            WHERE arxiv_id IN (:ids)
            ORDER BY arxiv_id, version
            """)
        .param("ids", ids)
        .query(
            rs -> {
              versions
                  .computeIfAbsent(rs.getString("arxiv_id"), k -> new ArrayList<>())
                  .add(new PaperVersion(rs.getInt("version"), requiredInstant(rs, "created_at")));
            });
    return jdbc.sql(
            """
            SELECT arxiv_id, title, abstract, authors, categories, comments, journal_ref, doi,
                   license, report_no, submitter, metadata_date
            FROM papers
            WHERE arxiv_id IN (:ids)
            """)
        .param("ids", ids)
        .query((rs, row) -> paper(rs, versions.getOrDefault(rs.getString("arxiv_id"), List.of())))
        .list();
  }

  private static Paper paper(ResultSet rs, List<PaperVersion> versions) throws SQLException {
    String authors = rs.getString("authors");
    String categories = rs.getString("categories");
    return new Paper(
        ArxivId.parse(rs.getString("arxiv_id")),
        rs.getString("title"),
        rs.getString("abstract"),
        authors.isEmpty() ? List.of() : Arrays.asList(authors.split("\n")),
        categories.isBlank() ? List.of() : Arrays.asList(categories.split(" ")),
        rs.getString("comments"),
        rs.getString("journal_ref"),
        rs.getString("doi"),
        rs.getString("license"),
        rs.getString("report_no"),
        rs.getString("submitter"),
        versions,
        SqlValues.date(rs, "metadata_date"));
  }

  @Override
  public List<UpsertOutcome> upsertAll(List<Paper> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    List<UpsertOutcome> outcomes = transaction.execute(status -> write(records));
    if (outcomes == null) {
      return List.of();
    }
    // Every way papers come in (harvest, listing, import, submission) passes here: one count.
    for (UpsertOutcome outcome : outcomes) {
      ingested.get(outcome).increment();
    }
    return outcomes;
  }

  @Override
  public boolean markDeleted(ArxivId id, Instant at) {
    return jdbc.sql(
                """
                UPDATE papers SET deleted_at = :at, changed_at = :at
                WHERE arxiv_id = :id AND deleted_at IS NULL
                """)
            .param("at", text(at))
            .param("id", id.base())
            .update()
        == 1;
  }

  private List<UpsertOutcome> write(List<Paper> records) {
    Map<String, Revision> stored = storedRevisions(records);
    List<UpsertOutcome> outcomes = new ArrayList<>(records.size());
    Map<Paper, String> hashes = new IdentityHashMap<>(); // computed once per record
    List<Paper> inserts = new ArrayList<>();
    Map<String, Paper> updates = new LinkedHashMap<>(); // last (highest) revision wins
    List<Paper> olderRecords = new ArrayList<>();
    for (Paper record : records) {
      Revision incoming = Revision.of(record);
      hashes.put(record, incoming.hash());
      Revision current = stored.get(record.id().base());
      if (current == null) {
        outcomes.add(UpsertOutcome.NEW);
        inserts.add(record);
      } else {
        int order = incoming.compareTo(current);
        if (order > 0) {
          outcomes.add(UpsertOutcome.UPDATED);
          updates.put(record.id().base(), record);
        } else if (order == 0) {
          outcomes.add(UpsertOutcome.UNCHANGED);
          continue;
        } else {
          outcomes.add(UpsertOutcome.OLDER);
          olderRecords.add(record);
          continue;
        }
      }
      stored.put(record.id().base(), incoming);
    }
    String now = text(clock.instant());
    insertPapers(inserts, hashes, now);
    updatePapers(updates.values(), hashes, now);
    // Versions only ever accumulate, whichever record brought them.
    List<Paper> withVersions = new ArrayList<>(inserts);
    withVersions.addAll(updates.values());
    withVersions.addAll(olderRecords);
    mergeVersions(withVersions);
    return outcomes;
  }

  private Map<String, Revision> storedRevisions(List<Paper> records) {
    List<String> ids = records.stream().map(p -> p.id().base()).distinct().toList();
    Map<String, Revision> stored = new HashMap<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      jdbc.sql(
              """
              SELECT arxiv_id, latest_version, metadata_date, content_hash
              FROM papers
              WHERE arxiv_id IN (:ids)
              """)
          .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
          .query(
              rs -> {
                stored.put(
                    rs.getString("arxiv_id"),
                    new Revision(
                        rs.getInt("latest_version"),
                        SqlValues.date(rs, "metadata_date"),
                        rs.getString("content_hash")));
              });
    }
    return stored;
  }

  private void insertPapers(List<Paper> papers, Map<Paper, String> hashes, String now) {
    batch.batchUpdate(
        """
        INSERT INTO papers (arxiv_id, title, abstract, authors, categories, comments,
                            journal_ref, doi, license, report_no, submitter, latest_version,
                            published_at, updated_at, metadata_date, content_hash,
                            primary_category, published_on, stored_at, changed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        papers.stream()
            .map(
                p -> {
                  Object[] fields = fields(p, hashes.get(p));
                  Object[] row = Arrays.copyOf(fields, fields.length + 2);
                  row[fields.length] = now;
                  row[fields.length + 1] = now;
                  return row;
                })
            .toList(),
        INSERT_TYPES);
  }

  private void updatePapers(Collection<Paper> papers, Map<Paper, String> hashes, String now) {
    batch.batchUpdate(
        """
        UPDATE papers
        SET title = ?, abstract = ?, authors = ?, categories = ?, comments = ?, journal_ref = ?,
            doi = ?, license = ?, report_no = ?, submitter = ?, latest_version = ?,
            published_at = ?, updated_at = ?, metadata_date = ?, content_hash = ?,
            primary_category = ?, published_on = ?, changed_at = ?
        WHERE arxiv_id = ?
        """,
        papers.stream()
            .map(
                p -> {
                  Object[] fields = fields(p, hashes.get(p));
                  Object[] row = new Object[fields.length + 1];
                  System.arraycopy(fields, 1, row, 0, fields.length - 1);
                  row[fields.length - 1] = now;
                  row[fields.length] = fields[0];
                  return row;
                })
            .toList(),
        UPDATE_TYPES);
  }

  /**
   * Bind types for the paper rows: text everywhere but latest_version. Declaring them spares the
   * driver a parameter-metadata round trip for every null (most papers have several).
   */
  private static final int[] INSERT_TYPES = textExcept(20, 11);

  private static final int[] UPDATE_TYPES = textExcept(19, 10);

  private static int[] textExcept(int count, int integerIndex) {
    int[] types = new int[count];
    Arrays.fill(types, Types.VARCHAR);
    types[integerIndex] = Types.INTEGER;
    return types;
  }

  /** The stored columns of a paper, in table order from arxiv_id to published_on. */
  private static Object[] fields(Paper p, String contentHash) {
    return new Object[] {
      p.id().base(),
      p.title(),
      p.abstractText(),
      String.join("\n", p.authors()),
      String.join(" ", p.categories()),
      p.comments(),
      p.journalRef(),
      p.doi(),
      p.license(),
      p.reportNo(),
      p.submitter(),
      p.latestVersion().number(),
      text(p.publishedAt()),
      text(p.updatedAt()),
      p.metadataDate() == null ? null : text(p.metadataDate()),
      contentHash,
      p.primaryCategory(),
      text(LocalDate.ofInstant(p.publishedAt(), ZoneOffset.UTC))
    };
  }

  private void mergeVersions(List<Paper> papers) {
    List<Object[]> rows = new ArrayList<>();
    for (Paper paper : papers) {
      for (PaperVersion version : paper.versions()) {
        rows.add(new Object[] {paper.id().base(), version.number(), text(version.createdAt())});
      }
    }
    batch.batchUpdate(
        """
        INSERT INTO paper_versions (arxiv_id, version, created_at) VALUES (?, ?, ?)
        ON CONFLICT (arxiv_id, version) DO NOTHING
        """,
        rows,
        new int[] {Types.VARCHAR, Types.INTEGER, Types.VARCHAR});
  }

  /**
   * The order in which records of one paper supersede each other: a later version, then a later
   * metadata date (arXiv corrects journal refs without a new version), then the content hash, so
   * that two different records never tie and any replay order converges.
   */
  private record Revision(int latestVersion, @Nullable LocalDate metadataDate, String hash)
      implements Comparable<Revision> {
    private static final Comparator<Revision> ORDER =
        Comparator.comparingInt(Revision::latestVersion)
            .thenComparing(Revision::metadataDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Revision::hash);

    static Revision of(Paper paper) {
      return new Revision(
          paper.latestVersion().number(), paper.metadataDate(), paper.contentHash());
    }

    @Override
    public int compareTo(Revision other) {
      return ORDER.compare(this, other);
    }
  }
}
