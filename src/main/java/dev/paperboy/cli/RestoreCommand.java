package dev.paperboy.cli;

import dev.paperboy.store.Backups;
import dev.paperboy.store.StoreSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Restore a backup into an empty store (a new data directory, or a new PostgreSQL database). A backup whose checksums do not match is refused before anything is written. The search index is rebuilt when serve starts.")
class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOptions store;

  @Option(names = "--from", required = true, paramLabel = "FILE", description = "the backup file")
  Path from;

  @Override
  public Integer call() {
    try (ConfigurableApplicationContext context = Contexts.settingsOnly(store.dataDir)) {
      Backups backups = new Backups(context.getBean(StoreSettings.class), Clock.systemUTC());
      Backups.Manifest manifest = backups.restore(from);
      spec.commandLine()
          .getOut()
          .printf(
              "restore: %s (taken %s) restored and checked: %d tables, %,d rows%n",
              from,
              manifest.created(),
              manifest.tables().rows().size(),
              manifest.tables().totalRows());
      return 0;
    }
  }
}
