package dev.paperboy.ingest;

import dev.paperboy.store.JobLeases;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily arXiv run of {@code serve}: an incremental OAI-PMH harvest of the followed archives,
 * then the listing read. It runs at 00:30 US Eastern on weekdays by default, after the listing
 * feeds are rebuilt at midnight and after the OAI updates of the evening's announcement. It is off
 * while no contact address is configured, and one node at a time runs it.
 */
@Component
class ArxivSchedule {
  private static final Logger log = LoggerFactory.getLogger(ArxivSchedule.class);
  static final String JOB = "arxiv-daily";

  private final ArxivSettings settings;
  private final OaiHarvester harvester;
  private final ListingReader listings;
  private final JobLeases leases;

  ArxivSchedule(
      ArxivSettings settings, OaiHarvester harvester, ListingReader listings, JobLeases leases) {
    this.settings = settings;
    this.harvester = harvester;
    this.listings = listings;
    this.leases = leases;
  }

  @EventListener(ApplicationReadyEvent.class)
  void sayWhetherItRuns() {
    if (!settings.scheduled()) {
      return;
    }
    if (enabled()) {
      log.info(
          "arXiv: daily harvest of {} and listing read scheduled ({} America/New_York)",
          sets(),
          settings.schedule());
    } else {
      log.info(
          "arXiv: the daily harvest is off because no contact address is configured. Set"
              + " PAPERBOY_ARXIV_CONTACT to an email address arXiv can reach you at to turn it on.");
    }
  }

  @Scheduled(cron = "${paperboy.arxiv.schedule:0 30 0 * * MON-FRI}", zone = "America/New_York")
  void daily() {
    if (settings.scheduled() && enabled()) {
      run();
    }
  }

  /** One run, if this node gets the lease; answers whether it ran. */
  boolean run() {
    // Long enough for a day's harvest; a dead node's lease expires by the next day's run.
    if (!leases.tryAcquire(JOB, settings.lease())) {
      log.info("arXiv: the daily run is taken by another node");
      return false;
    }
    try {
      for (String set : sets()) {
        HarvestSummary summary =
            harvester.harvest(
                new HarvestRequest(set, null, null, "arXivRaw"), HarvestProgress.NONE);
        log.info("arXiv: harvest of {}: {}", set, summary.describe());
      }
      log.info("arXiv: {}", listings.read().describe());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The checkpoint holds; the next run continues where this one stopped.
      log.error("arXiv: the daily run failed: {}", e.getMessage(), e);
    } finally {
      leases.release(JOB);
    }
    return true;
  }

  boolean enabled() {
    return settings.contact() != null && !settings.contact().isBlank();
  }

  /** The OAI sets of the followed categories' archives: cs.LG and cs.AI are both in "cs". */
  List<String> sets() {
    Set<String> sets = new LinkedHashSet<>();
    for (String category : settings.categories()) {
      int dot = category.indexOf('.');
      sets.add(dot < 0 ? category : category.substring(0, dot));
    }
    return List.copyOf(sets);
  }
}
