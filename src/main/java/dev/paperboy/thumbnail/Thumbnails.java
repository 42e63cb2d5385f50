package dev.paperboy.thumbnail;

import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.ingest.ArxivClient;
import dev.paperboy.ingest.ArxivRefused;
import dev.paperboy.ingest.ArxivSettings;
import dev.paperboy.ingest.ArxivUnavailable;
import dev.paperboy.paper.ArxivId;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Makes a thumbnail for every paper on the recent daily lists that has none: each round fetches a
 * few PDFs through the arXiv client (the politeness gate, its ledger, its caps) and renders their
 * first pages. A PDF that cannot be made into one (too large, encrypted, malformed, too slow to
 * render, refused by arXiv) gets a failure note and is left alone for a while; the pages show a
 * placeholder for it. Nothing is fetched without an arXiv contact configured, as for the harvest.
 */
@Service
public class Thumbnails {
  private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

  private final DailyLists lists;
  private final ArxivClient arxiv;
  private final ArxivSettings arxivSettings;
  private final ThumbnailSettings settings;
  private final ThumbnailFiles files;
  private final Clock clock;
  private final PageRenderer renderer;

  Thumbnails(
      DailyLists lists,
      ArxivClient arxiv,
      ArxivSettings arxivSettings,
      ThumbnailSettings settings,
      ThumbnailFiles files,
      Clock clock) {
    this.lists = lists;
    this.arxiv = arxiv;
    this.arxivSettings = arxivSettings;
    this.settings = settings;
    this.files = files;
    this.clock = clock;
    this.renderer = new PageRenderer(settings.width(), settings.renderTimeout());
  }

  /** The paper's thumbnail, when it has one yet. */
  public Optional<Path> image(ArxivId id) {
    return files.image(id);
  }

  @Scheduled(
      initialDelayString = "${paperboy.thumbnails.interval:PT2M}",
      fixedDelayString = "${paperboy.thumbnails.interval:PT2M}")
  void follow() throws InterruptedException {
    if (settings.enabled() && arxivSettings.hasContact()) {
      round();
    }
  }

  /** One round: up to {@code perRound} missing thumbnails made; answers how many were. */
  public synchronized int round() throws InterruptedException {
    int made = 0;
    int tried = 0;
    for (DailyEntry entry : listed()) {
      ArxivId id = entry.paper().id();
      if (files.image(id).isPresent()
          || files.failedSince(id, clock.instant(), settings.retryAfter())) {
        continue;
      }
      if (tried++ == settings.perRound()) {
        break;
      }
      try {
        if (make(id)) {
          made++;
        }
      } catch (ArxivUnavailable e) {
        // arXiv is busy or down: the PDF is not at fault, and the next round tries again.
        log.warn("Thumbnails: arXiv did not answer for {}; next round: {}", id, e.getMessage());
        break;
      }
    }
    if (made > 0) {
      log.info("Thumbnails: {} made", made);
    }
    return made;
  }

  /** Whether a thumbnail was made; a PDF that gave none has its failure note. */
  private boolean make(ArxivId id) throws InterruptedException {
    String failure;
    try {
      byte[] pdf = arxiv.get(arxivSettings.pdfUrl(id), 2, settings.maxPdfBytes());
      files.write(id, renderer.firstPage(pdf));
      return true;
    } catch (PageRenderer.Unrenderable e) {
      failure = e.getMessage();
    } catch (ArxivRefused e) {
      failure = e.getMessage();
    } catch (ArxivUnavailable e) {
      throw e;
    } catch (RuntimeException e) {
      // The client's other refusal: an answer over the cap, stopped unread.
      failure = e.getMessage();
    }
    log.warn("Thumbnails: none for {}: {}", id, failure);
    files.fail(id, failure == null ? "unknown" : failure, clock.instant());
    return false;
  }

  /** The papers on the recent lists, the most upvoted first. */
  private List<DailyEntry> listed() {
    LocalDate today = lists.today();
    LocalDate latest = lists.latestOnOrBefore(today).orElse(today);
    return lists.between(latest.minusDays(settings.listDays() - 1L), today, null, 0, 1_000);
  }

  @PreDestroy
  void close() {
    renderer.close();
  }
}
