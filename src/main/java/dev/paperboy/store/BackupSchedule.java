package dev.paperboy.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily backup {@code serve} takes by itself (docs/reliability.md DATA-3) into {@code
 * <data-dir>/backups}, keeping the newest few. With several nodes one of them takes it (a lease),
 * into its own data directory.
 */
@Component
class BackupSchedule {
  private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);
  private static final String JOB = "backup";
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("'paperboy-'yyyyMMdd'T'HHmmss'Z.backup'")
          .withZone(ZoneOffset.UTC);

  private final StoreSettings settings;
  private final JobLeases leases;
  private final Clock clock;
  private final boolean scheduled;
  private final int keep;

  BackupSchedule(
      StoreSettings settings,
      JobLeases leases,
      Clock clock,
      @Value("${paperboy.backup.scheduled:true}") boolean scheduled,
      @Value("${paperboy.backup.keep:7}") int keep) {
    this.settings = settings;
    this.leases = leases;
    this.clock = clock;
    this.scheduled = scheduled;
    this.keep = Math.max(1, keep);
  }

  @Scheduled(cron = "${paperboy.backup.schedule:0 15 3 * * *}", zone = "UTC")
  void daily() {
    if (scheduled && leases.tryAcquire(JOB, Duration.ofHours(1))) {
      try {
        run();
      } catch (RuntimeException e) {
        log.error("Backup failed: {}", e.getMessage(), e);
      }
    }
  }

  /** Takes one backup and prunes the old ones; answers the new file. */
  Path run() {
    Path dir = settings.dataDir().resolve("backups");
    Path file = dir.resolve(NAME.format(clock.instant()));
    Backups.Manifest manifest = new Backups(settings, clock).backup(file);
    log.info(
        "Backup written: {} ({} rows in {} tables)",
        file,
        manifest.tables().totalRows(),
        manifest.tables().rows().size());
    prune(dir);
    return file;
  }

  private void prune(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      // The names sort by time: the oldest go first.
      List<Path> backups =
          files
              .filter(p -> p.getFileName().toString().matches("paperboy-\\d{8}T\\d{6}Z\\.backup"))
              .sorted()
              .toList();
      for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
        Files.deleteIfExists(old);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
