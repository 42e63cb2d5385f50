package dev.paperboy.ingest.arxiv;

/**
 * An answer from arXiv that is not what its format promises: malformed or hostile XML, a DOCTYPE,
 * an oversized body or page, invalid UTF-8, a truncated body. The only exception the parsers in
 * this package throw.
 */
public class ArxivFormatException extends RuntimeException {
  public ArxivFormatException(String message) {
    super(message);
  }

  public ArxivFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
