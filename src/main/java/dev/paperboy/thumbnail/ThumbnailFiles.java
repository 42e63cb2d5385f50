package dev.paperboy.thumbnail;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.store.StoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The thumbnails on disk, {@code <data-dir>/thumbnails/<id>.png}, and beside each PDF that gave
 * none a {@code <id>.failed} note saying why. Files are written whole (a temporary file moved into
 * place), so a reader never sees half an image; deleting the folder loses nothing that the next
 * round does not make again.
 */
@Component
class ThumbnailFiles {
  private final Path dir;

  ThumbnailFiles(StoreSettings store) {
    this.dir = store.dataDir().resolve("thumbnails");
  }

  Optional<Path> image(ArxivId id) {
    Path file = dir.resolve(name(id) + ".png");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Whether the paper's PDF failed less than {@code retryAfter} before {@code now}. */
  boolean failedSince(ArxivId id, Instant now, Duration retryAfter) {
    Path note = dir.resolve(name(id) + ".failed");
    try {
      return Files.isRegularFile(note)
          && Files.getLastModifiedTime(note).toInstant().isAfter(now.minus(retryAfter));
    } catch (IOException e) {
      return false;
    }
  }

  void write(ArxivId id, byte[] png) {
    put(name(id) + ".png", png);
    delete(name(id) + ".failed");
  }

  void fail(ArxivId id, String reason, Instant at) {
    Path note = put(name(id) + ".failed", (reason + "\n").getBytes(StandardCharsets.UTF_8));
    try {
      Files.setLastModifiedTime(note, FileTime.from(at));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path put(String name, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      Path temporary = Files.createTempFile(dir, name, ".part");
      Files.write(temporary, bytes);
      Path target = dir.resolve(name);
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void delete(String name) {
    try {
      Files.deleteIfExists(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Old-style ids hold a slash: {@code hep-th/9901001} is stored as {@code hep-th_9901001}. */
  private static String name(ArxivId id) {
    return id.base().replace('/', '_');
  }
}
