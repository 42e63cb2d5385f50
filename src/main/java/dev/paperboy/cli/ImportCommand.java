package dev.paperboy.cli;

import dev.paperboy.ingest.ImportProblem;
import dev.paperboy.ingest.ImportProgress;
import dev.paperboy.ingest.ImportSummary;
import dev.paperboy.ingest.SnapshotImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import arXiv metadata snapshot files (JSON lines, plain or .gz) of any size. Idempotent: importing a file again changes nothing; a newer version of a paper updates it and keeps its version history. Bad lines are reported by number and skipped.")
class ImportCommand implements Callable<Integer> {
  /** How many rejected lines are printed; the summary counts them all. */
  private static final int PROBLEMS_SHOWN = 50;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "snapshot files to import")
  List<Path> files;

  @Mixin StoreOptions store;

  @Option(
      names = "--dry-run",
      description = "read and check every line, store nothing (a parse-only pass)")
  boolean dryRun;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path file : files) {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        err.println("paperboy import: cannot read " + file);
        return 2;
      }
    }
    int exit = 0;
    try (ConfigurableApplicationContext context = Contexts.oneShot(store.dataDir)) {
      SnapshotImporter importer = context.getBean(SnapshotImporter.class);
      for (Path file : files) {
        ImportSummary summary = importOne(importer, file);
        out.println(file.getFileName() + ": " + summary.describe());
        List<ImportProblem> problems = summary.problems();
        problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> out.println("  rejected " + p));
        if (summary.rejected() > PROBLEMS_SHOWN) {
          out.printf("  … and %,d more rejected lines%n", summary.rejected() - PROBLEMS_SHOWN);
        }
        if (summary.aborted() != null) {
          exit = 1;
        }
      }
    }
    return exit;
  }

  private ImportSummary importOne(SnapshotImporter importer, Path file) throws IOException {
    if (!store.showProgress()) {
      return importer.importFile(file, dryRun, ImportProgress.NONE);
    }
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(file.getFileName().toString())
            .setInitialMax(Files.size(file))
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setUnit(" MB", 1 << 20)
            .showSpeed()
            .build()) {
      return importer.importFile(
          file,
          dryRun,
          (bytes, records) -> {
            bar.stepTo(bytes);
            bar.setExtraMessage(String.format("%,d records", records));
          });
    }
  }
}
