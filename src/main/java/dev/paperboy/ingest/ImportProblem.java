package dev.paperboy.ingest;

/** A line the importer did not take, and why. */
public record ImportProblem(long line, String reason) {
  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}
