package dev.paperboy.ingest;

/**
 * arXiv answered with something that is not data: a 403, an HTML "Access Denied" page, a redirect
 * off arXiv, a 4xx. Never retried and never read as "no papers": the harvest stops and says so.
 */
public class ArxivRefused extends RuntimeException {
  public ArxivRefused(String message) {
    super(message);
  }
}
