package dev.paperboy.ingest;

import dev.paperboy.ingest.arxiv.ArxivAtomParser;
import dev.paperboy.ingest.arxiv.ArxivFormatException;
import dev.paperboy.ingest.arxiv.AtomEntry;
import dev.paperboy.ingest.arxiv.AtomFeed;
import dev.paperboy.ingest.arxiv.InvalidRecord;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Looks papers up on arXiv's query API by id ({@code id_list}), for papers that are not in the
 * store yet, and stores what it finds. The URL is built here from parsed ids only, never from user
 * text (docs/reliability.md ING-1).
 */
@Service
public class ArxivApi {
  private static final Logger log = LoggerFactory.getLogger(ArxivApi.class);

  /** Ids per request: far below arXiv's 2,000 results per call. */
  static final int BATCH = 100;

  private final ArxivClient client;
  private final ArxivSettings settings;
  private final Papers papers;

  ArxivApi(ArxivClient client, ArxivSettings settings, Papers papers) {
    this.client = client;
    this.settings = settings;
    this.papers = papers;
  }

  /**
   * Fetches the papers from arXiv and stores them; answers those arXiv knows, keyed by base id.
   * Unknown ids are simply absent.
   */
  public Map<String, Paper> fetch(Collection<ArxivId> ids) throws InterruptedException {
    return fetch(ids, settings.maxAttempts());
  }

  /**
   * As {@link #fetch(Collection)}, making one attempt per request: for a member's submission.
   *
   * @throws ArxivUnavailable when arXiv does not answer
   * @throws ArxivRefused when it refuses or answers with something that is not data
   */
  public Map<String, Paper> fetchOnce(Collection<ArxivId> ids) throws InterruptedException {
    try {
      return fetch(ids, 1);
    } catch (ArxivFormatException e) {
      throw new ArxivRefused("arXiv's answer could not be read: " + e.getMessage());
    }
  }

  private Map<String, Paper> fetch(Collection<ArxivId> ids, int attempts)
      throws InterruptedException {
    List<ArxivId> distinct = ids.stream().map(ArxivId::withoutVersion).distinct().toList();
    Map<String, Paper> found = new LinkedHashMap<>();
    for (int from = 0; from < distinct.size(); from += BATCH) {
      List<ArxivId> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
      AtomFeed feed =
          ArxivAtomParser.parse(new ByteArrayInputStream(client.get(uri(batch), attempts)));
      for (AtomEntry error : feed.errors()) {
        log.warn("arXiv API error for {}: {}", batch, error.summary().strip());
      }
      List<Paper> batchPapers = new ArrayList<>();
      for (AtomEntry entry : feed.papers()) {
        try {
          batchPapers.add(ArxivAtomParser.toPaper(entry));
        } catch (InvalidRecord e) {
          log.warn("arXiv API entry {} skipped: {}", entry.id(), e.getMessage());
        }
      }
      papers.upsertAll(batchPapers);
      batchPapers.forEach(p -> found.put(p.id().base(), p));
    }
    return found;
  }

  private URI uri(List<ArxivId> batch) {
    StringBuilder ids = new StringBuilder();
    for (ArxivId id : batch) {
      ids.append(ids.length() == 0 ? "" : ",").append(id.base());
    }
    return URI.create(settings.apiBaseUrl() + "?id_list=" + ids + "&max_results=" + batch.size());
  }
}
