package dev.paperboy.paper;

/**
 * Input that is not an arXiv identifier. The message is safe to show to the person who typed it.
 */
public class InvalidArxivId extends IllegalArgumentException {
  InvalidArxivId(String message) {
    super(message);
  }
}
