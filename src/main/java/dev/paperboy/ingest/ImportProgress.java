package dev.paperboy.ingest;

/** Told as an import goes, so that a terminal can show a progress bar. */
@FunctionalInterface
public interface ImportProgress {
  ImportProgress NONE = (bytes, records) -> {};

  /**
   * @param bytesRead bytes of the file read so far (compressed bytes for a .gz file)
   * @param recordsRead records read so far
   */
  void advanced(long bytesRead, long recordsRead);
}
