package dev.paperboy.paper;

/** No paper with that id is in the store. */
public class PaperNotFound extends RuntimeException {
  private final ArxivId id;

  public PaperNotFound(ArxivId id) {
    super("No paper " + id + " in this Paperboy");
    this.id = id;
  }

  public ArxivId id() {
    return id;
  }
}
