package dev.paperboy.ingest;

/** arXiv did not answer usefully within the retry budget (timeouts, resets, 5xx, 503 stalls). */
public class ArxivUnavailable extends RuntimeException {
  public ArxivUnavailable(String message, Throwable cause) {
    super(message, cause);
  }

  public ArxivUnavailable(String message) {
    super(message);
  }
}
