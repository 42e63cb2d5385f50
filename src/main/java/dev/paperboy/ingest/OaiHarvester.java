package dev.paperboy.ingest;

import dev.paperboy.ingest.arxiv.InvalidRecord;
import dev.paperboy.ingest.arxiv.OaiAdapter;
import dev.paperboy.ingest.arxiv.OaiPage;
import dev.paperboy.ingest.arxiv.OaiPmhParser;
import dev.paperboy.ingest.arxiv.OaiRecord;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.paper.UpsertOutcome;
import dev.paperboy.store.SqlValues;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Harvests arXiv's OAI-PMH ListRecords into the paper store (docs/reliability.md ING-4, ING-5).
 * Each page's records and the checkpoint (from, until, token, responseDate) are written in one
 * transaction, so the checkpoint is never ahead of the data: a killed harvest resumes at the saved
 * token, a bad or expired token restarts the list from the saved {@code from}, and a finished
 * harvest's response date is where the next incremental one starts. A page that fails to fetch or
 * parse changes nothing, and the next run retries it.
 */
@Service
public class OaiHarvester {
  private static final Logger log = LoggerFactory.getLogger(OaiHarvester.class);

  /** Bad-token restarts per run before giving up, so a broken server cannot loop us forever. */
  private static final int MAX_RESTARTS = 3;

  private final ArxivClient client;
  private final Papers papers;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ArxivSettings settings;

  OaiHarvester(
      ArxivClient client,
      Papers papers,
      JdbcClient jdbc,
      TransactionTemplate transaction,
      Clock clock,
      ArxivSettings settings) {
    this.client = client;
    this.papers = papers;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
    this.settings = settings;
  }

  private record Checkpoint(
      @Nullable LocalDate from,
      @Nullable LocalDate until,
      @Nullable String token,
      @Nullable Instant responseDate,
      boolean running,
      int pages,
      long records) {}

  public HarvestSummary harvest(HarvestRequest request, HarvestProgress progress)
      throws InterruptedException {
    long started = System.nanoTime();
    Optional<Checkpoint> saved = checkpoint(request.name());
    boolean resumed = false;
    LocalDate from = request.from();
    LocalDate until = request.until();
    String token = null;
    if (saved.isPresent()
        && saved.get().running()
        && (from == null || from.equals(saved.get().from()))) {
      resumed = saved.get().token() != null;
      from = saved.get().from();
      until = saved.get().until();
      token = saved.get().token();
    } else if (from == null && saved.isPresent() && saved.get().responseDate() != null) {
      from = LocalDate.ofInstant(saved.get().responseDate(), ZoneOffset.UTC);
    }
    Counts counts = new Counts();
    int restarts = 0;
    while (true) {
      URI uri = token == null ? listUri(request, from, until) : resumeUri(token);
      OaiPage page = OaiPmhParser.parse(new ByteArrayInputStream(client.get(uri)));
      if (page.errorCode() != null) {
        if (page.errorCode().equals("noRecordsMatch")) {
          save(request, from, until, null, page, true, counts, List.of(), List.of());
          break;
        }
        if (page.errorCode().equals("badResumptionToken")
            && token != null
            && restarts < MAX_RESTARTS) {
          log.warn(
              "OAI-PMH: the resumption token was refused ({}); restarting the list from {}",
              page.errorMessage(),
              from);
          restarts++;
          token = null;
          continue;
        }
        throw new ArxivRefused("OAI-PMH error " + page.errorCode() + ": " + page.errorMessage());
      }
      List<Paper> records = new ArrayList<>();
      List<ArxivId> deletions = new ArrayList<>();
      for (OaiRecord record : page.records()) {
        try {
          if (record.deleted()) {
            deletions.add(OaiAdapter.id(record));
          } else {
            records.add(OaiAdapter.toPaper(record));
          }
        } catch (InvalidRecord e) {
          counts.reject(record.identifier(), e.getMessage());
        }
      }
      if (page.records().isEmpty() && !page.complete()) {
        log.warn(
            "OAI-PMH: an empty page that promises more (token {}); nothing changed",
            page.resumptionToken());
      }
      save(
          request,
          from,
          until,
          page.complete() ? null : page.resumptionToken(),
          page,
          page.complete(),
          counts,
          records,
          deletions);
      progress.page(
          counts.pages,
          counts.records,
          page.completeListSize() == null ? -1 : page.completeListSize());
      if (page.complete()) {
        break;
      }
      token = page.resumptionToken();
    }
    return new HarvestSummary(
        counts.pages,
        counts.records,
        counts.added,
        counts.updated,
        counts.unchanged,
        counts.deleted,
        counts.rejected,
        List.copyOf(counts.problems),
        resumed,
        restarts,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** Stores a page's records and moves the checkpoint past it, in one transaction. */
  private void save(
      HarvestRequest request,
      @Nullable LocalDate from,
      @Nullable LocalDate until,
      @Nullable String nextToken,
      OaiPage page,
      boolean done,
      Counts counts,
      List<Paper> records,
      List<ArxivId> deletions) {
    Instant now = clock.instant();
    transaction.executeWithoutResult(
        tx -> {
          List<UpsertOutcome> outcomes = papers.upsertAll(records);
          long deleted = deletions.stream().filter(id -> papers.markDeleted(id, now)).count();
          jdbc.sql(
                  """
                  INSERT INTO harvests (name, metadata, set_spec, from_date, until_date, token,
                                        response_date, state, pages, records, updated_at)
                  VALUES (:name, :metadata, :set, :from, :until, :token, :responseDate, :state,
                          1, :records, :now)
                  ON CONFLICT (name) DO UPDATE SET
                      metadata = excluded.metadata, set_spec = excluded.set_spec,
                      from_date = excluded.from_date, until_date = excluded.until_date,
                      token = excluded.token, response_date = excluded.response_date,
                      state = excluded.state, pages = harvests.pages + 1,
                      records = harvests.records + excluded.records, updated_at = excluded.updated_at
                  """)
              .param("name", request.name())
              .param("metadata", request.metadata())
              .param("set", request.set())
              .param("from", from == null ? null : SqlValues.text(from))
              .param("until", until == null ? null : SqlValues.text(until))
              .param("token", nextToken)
              .param("responseDate", responseDate(page))
              .param("state", done ? "DONE" : "RUNNING")
              .param("records", page.records().size())
              .param("now", SqlValues.text(now))
              .update();
          counts.add(page.records().size(), outcomes, deleted);
        });
  }

  private static @Nullable String responseDate(OaiPage page) {
    try {
      return SqlValues.text(Instant.parse(page.responseDate()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private Optional<Checkpoint> checkpoint(String name) {
    return jdbc.sql(
            """
            SELECT from_date, until_date, token, response_date, state, pages, records
            FROM harvests WHERE name = :name
            """)
        .param("name", name)
        .query(
            (rs, n) ->
                new Checkpoint(
                    SqlValues.date(rs, "from_date"),
                    SqlValues.date(rs, "until_date"),
                    rs.getString("token"),
                    SqlValues.instant(rs, "response_date"),
                    "RUNNING".equals(rs.getString("state")),
                    rs.getInt("pages"),
                    rs.getLong("records")))
        .optional();
  }

  private URI listUri(HarvestRequest request, @Nullable LocalDate from, @Nullable LocalDate until) {
    StringBuilder query =
        new StringBuilder("verb=ListRecords&metadataPrefix=").append(request.metadata());
    if (request.set() != null) {
      query.append("&set=").append(encode(request.set()));
    }
    if (from != null) {
      query.append("&from=").append(from);
    }
    if (until != null) {
      query.append("&until=").append(until);
    }
    return URI.create(settings.oaiBaseUrl() + "?" + query);
  }

  private URI resumeUri(String token) {
    return URI.create(settings.oaiBaseUrl() + "?verb=ListRecords&resumptionToken=" + encode(token));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Running totals of one harvest. */
  private static final class Counts {
    int pages;
    long records;
    long added;
    long updated;
    long unchanged;
    long deleted;
    long rejected;
    final List<ImportProblem> problems = new ArrayList<>();

    void add(int pageRecords, List<UpsertOutcome> outcomes, long deletedNow) {
      pages++;
      records += pageRecords;
      deleted += deletedNow;
      for (UpsertOutcome outcome : outcomes) {
        switch (outcome) {
          case NEW -> added++;
          case UPDATED -> updated++;
          case UNCHANGED, OLDER -> unchanged++;
        }
      }
    }

    void reject(String identifier, String reason) {
      rejected++;
      if (problems.size() < ImportSummary.MAX_PROBLEMS) {
        problems.add(new ImportProblem(pages + 1, identifier + ": " + reason));
      }
    }
  }
}
