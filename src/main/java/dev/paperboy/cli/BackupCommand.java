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
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Write a backup of the whole database to one file, while serve keeps running: SQLite by VACUUM INTO, PostgreSQL by pg_dump (its client tools must be installed). The file holds the database's checksum and every table's row count and checksum; restore checks them.")
class BackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOptions store;

  @Option(names = "--to", required = true, paramLabel = "FILE", description = "the backup file")
  Path to;

  @Override
  public Integer call() {
    try (ConfigurableApplicationContext context = Contexts.oneShot(store.dataDir)) {
      Backups backups =
          new Backups(context.getBean(StoreSettings.class), context.getBean(Clock.class));
      long started = System.nanoTime();
      Backups.Manifest manifest = backups.backup(to);
      spec.commandLine()
          .getOut()
          .printf(
              "backup: %s written in %.1f s: %d tables, %,d rows, database sha256 %s%n",
              to,
              (System.nanoTime() - started) / 1e9,
              manifest.tables().rows().size(),
              manifest.tables().totalRows(),
              manifest.databaseSha256());
      return 0;
    }
  }
}
