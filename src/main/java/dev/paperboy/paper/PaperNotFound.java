package dev.paperboy.paper;

/** No paper with that id is in the store. */
public class PaperNotFound extends RuntimeException {
  public PaperNotFound(ArxivId id) {
    this(id.toString());
  }

  /**
   * For text shaped like an arXiv id that names no paper arXiv could have ({@code 0000.00000}): as
   * on Hugging Face, asking for it is a question about a paper that is not there, not a bad
   * request.
   */
  public PaperNotFound(String id) {
    super("No paper " + id + " in this Paperboy");
  }
}
