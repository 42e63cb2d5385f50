package dev.paperboy;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundary below what {@link ModularityTests} can see: a module's SQL names only its own tables
 * (another module's state is reached through that module's API). Every table has one owner here,
 * and a migration that adds a table without one fails the test.
 */
class ModuleTablesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/paperboy");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

  private static final Map<String, String> OWNERS =
      Map.ofEntries(
          entry("members", "account"),
          entry("account_tokens", "account"),
          entry("persistent_logins", "account"),
          entry("api_tokens", "account"),
          entry("collections", "collection"),
          entry("authorship_claims", "author"),
          entry("member_links", "moderation"),
          entry("github_repos", "stars"),
          entry("collection_papers", "collection"),
          entry("spring_session", "web"),
          entry("spring_session_attributes", "web"),
          entry("daily_entries", "curation"),
          entry("votes", "curation"),
          entry("comments", "discussion"),
          entry("flags", "moderation"),
          entry("moderation_log", "moderation"),
          entry("follows", "recommend"),
          entry("library_papers", "recommend"),
          entry("papers", "paper"),
          entry("paper_versions", "paper"),
          entry("paper_vectors", "embedding"),
          entry("vector_progress", "embedding"),
          entry("announcements", "ingest"),
          entry("arxiv_gate", "ingest"),
          entry("arxiv_requests", "ingest"),
          entry("harvests", "ingest"),
          entry("snapshot_imports", "ingest"),
          entry("digest_editions", "digest"),
          entry("digest_outbox", "digest"),
          entry("digest_papers", "digest"),
          entry("site_secrets", "digest"),
          entry("soft_bounces", "digest"),
          entry("subscription_tokens", "digest"),
          entry("subscriptions", "digest"),
          entry("suppressions", "digest"),
          entry("rate_limits", "rules"),
          entry("demo_loads", "demo"),
          entry("job_leases", "store"));

  /** A table after the SQL words that name one. */
  private static final Pattern TABLE =
      Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_]+)\\b");

  /** {@code store} copies and checks whole databases (backups, start-up checks): every table. */
  private static final Set<String> SEES_EVERY_TABLE = Set.of("store");

  @Test
  void everyTableHasAnOwningModule() throws IOException {
    Set<String> tables = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MIGRATIONS)) {
      files
          .filter(file -> file.toString().endsWith(".sql"))
          .forEach(
              file -> {
                Matcher created = Pattern.compile("(?i)CREATE TABLE (\\w+)").matcher(read(file));
                while (created.find()) {
                  tables.add(created.group(1).toLowerCase(Locale.ROOT));
                }
              });
    }
    assertThat(OWNERS.keySet()).containsAll(tables);
  }

  @Test
  void aModulesSqlNamesOnlyItsOwnTables() throws IOException {
    Set<String> crossings = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> !module(file).isEmpty())
          .forEach(
              file -> {
                String module = module(file);
                Matcher table = TABLE.matcher(read(file));
                while (table.find()) {
                  String owner = OWNERS.get(table.group(1));
                  if (owner != null
                      && !owner.equals(module)
                      && !SEES_EVERY_TABLE.contains(module)) {
                    crossings.add(module + " -> " + table.group(1));
                  }
                }
              });
    }
    assertThat(crossings).as("a module's SQL naming another module's table").isEmpty();
  }

  /** The module of a source file: its first package below dev.paperboy. */
  private static String module(Path file) {
    Path relative = SOURCES.relativize(file);
    return relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
