package dev.paperboy.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every one-shot command shares: where the data is, and whether to draw progress. */
class StoreOptions {
  @Option(
      names = "--data-dir",
      defaultValue = "${env:PAPERBOY_DATA_DIR:-./data}",
      description = "data directory (env PAPERBOY_DATA_DIR; default ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--no-progress", description = "no progress bar, even on a terminal")
  boolean noProgress;

  /** A progress bar only on a terminal, and only when not turned off. */
  boolean showProgress() {
    return !noProgress && System.console() != null;
  }
}
