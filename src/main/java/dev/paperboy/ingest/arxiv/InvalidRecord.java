package dev.paperboy.ingest.arxiv;

/** A wire record that cannot become a paper; the message names the field and the problem. */
public class InvalidRecord extends RuntimeException {
  public InvalidRecord(String message) {
    super(message);
  }
}
