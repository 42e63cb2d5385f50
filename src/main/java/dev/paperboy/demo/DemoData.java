package dev.paperboy.demo;

import dev.paperboy.account.Member;
import dev.paperboy.account.Members;
import dev.paperboy.account.Role;
import dev.paperboy.curation.CurationSettings;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.ingest.ImportSummary;
import dev.paperboy.ingest.SnapshotImporter;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.store.SqlValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives a fresh data directory a real site: the seed day (seven papers, featured by the curator on
 * 2025-03-12) before the first request, then about 10,000 real arXiv papers in the background so
 * that start-up is not held up. Each part is marked PENDING when the store is found empty and DONE
 * when loaded, so an interrupted load resumes at the next start (the import is idempotent) and a
 * store that has data of its own never gets the demo. No upvotes are invented.
 */
@Component
class DemoData implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final String SEED_DAY = "seed-day";
  private static final String CORPUS = "corpus";

  private final DemoSettings settings;
  private final JdbcClient jdbc;
  private final Papers papers;
  private final Members members;
  private final DailyLists dailyLists;
  private final SnapshotImporter importer;
  private final ResourceLoader resources;
  private final Clock clock;
  private final CurationSettings curation;
  private final AtomicReference<DemoStatus> status = new AtomicReference<>(DemoStatus.IDLE);

  DemoData(
      DemoSettings settings,
      JdbcClient jdbc,
      Papers papers,
      Members members,
      DailyLists dailyLists,
      SnapshotImporter importer,
      ResourceLoader resources,
      Clock clock,
      CurationSettings curation) {
    this.settings = settings;
    this.jdbc = jdbc;
    this.papers = papers;
    this.members = members;
    this.dailyLists = dailyLists;
    this.importer = importer;
    this.resources = resources;
    this.clock = clock;
    this.curation = curation;
  }

  DemoStatus status() {
    return status.get();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!settings.enabled()) {
      return;
    }
    if (papers.count() == 0 && pending().isEmpty()) {
      for (String part : List.of(SEED_DAY, CORPUS)) {
        jdbc.sql(
                """
                INSERT INTO demo_loads (name, state, updated_at) VALUES (:name, 'PENDING', :now)
                ON CONFLICT (name) DO NOTHING
                """)
            .param("name", part)
            .param("now", SqlValues.text(clock.instant()))
            .update();
      }
    }
    List<String> pending = pending();
    if (pending.contains(SEED_DAY)) {
      loadSeedDay();
      done(SEED_DAY);
    }
    if (pending.contains(CORPUS)) {
      status.set(new DemoStatus(true, 0));
      Thread loader = new Thread(this::loadCorpus, "demo-corpus");
      loader.setDaemon(true);
      loader.start();
    }
  }

  private List<String> pending() {
    return jdbc.sql("SELECT name FROM demo_loads WHERE state = 'PENDING' ORDER BY name")
        .query(String.class)
        .list();
  }

  private void done(String part) {
    jdbc.sql("UPDATE demo_loads SET state = 'DONE', updated_at = :now WHERE name = :name")
        .param("name", part)
        .param("now", SqlValues.text(clock.instant()))
        .update();
  }

  private void loadSeedDay() {
    SeedDay seed;
    try (InputStream in = resources.getResource(settings.seedDay()).getInputStream()) {
      seed = JsonMapper.builder().build().readValue(in, SeedDay.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the seed day " + settings.seedDay(), e);
    }
    List<Paper> seedPapers = seed.papers().stream().map(SeedDay.SeedPaper::toPaper).toList();
    papers.upsertAll(seedPapers);
    Member curator = members.ensure(seed.curator(), "AK", Role.CURATOR);
    // Upvotes are all zero, so the list keeps the seed page's order through the submit times.
    Instant start = seed.listDate().atStartOfDay(curation.zone()).toInstant();
    for (int i = 0; i < seedPapers.size(); i++) {
      dailyLists.feature(seedPapers.get(i).id(), seed.listDate(), curator, start.plusSeconds(i));
    }
    log.info("Demo: the seed day {} with {} papers", seed.listDate(), seedPapers.size());
  }

  private void loadCorpus() {
    try (InputStream in = resources.getResource(settings.corpus()).getInputStream()) {
      ImportSummary summary =
          importer.importStream(
              in, false, (bytes, records) -> status.set(new DemoStatus(true, records)));
      done(CORPUS);
      log.info("Demo: corpus loaded: {}", summary.describe());
    } catch (IOException | RuntimeException e) {
      log.error("Demo: the corpus did not load; it will be tried again at the next start", e);
    } finally {
      status.set(DemoStatus.IDLE);
    }
  }
}
