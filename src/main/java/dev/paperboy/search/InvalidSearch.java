package dev.paperboy.search;

/** A search that cannot be run (too long, too many terms); the message is for the reader. */
public class InvalidSearch extends IllegalArgumentException {
  public InvalidSearch(String message) {
    super(message);
  }
}
