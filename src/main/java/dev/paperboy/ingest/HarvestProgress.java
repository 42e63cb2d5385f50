package dev.paperboy.ingest;

/** Told after each stored page, so that a terminal can show progress. */
@FunctionalInterface
public interface HarvestProgress {
  HarvestProgress NONE = (pages, records, completeListSize) -> {};

  /**
   * @param completeListSize what the server says the whole list holds, or -1 when it does not
   */
  void page(int pages, long records, long completeListSize);
}
