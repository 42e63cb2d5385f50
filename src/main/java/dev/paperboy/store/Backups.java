package dev.paperboy.store;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Backups of the whole database as one file, and their restore into an empty store
 * (docs/reliability.md DATA-3). A backup is one file of the database (SQLite: a {@code VACUUM INTO}
 * copy, consistent while writes go on; PostgreSQL: {@code pg_dump -Fc}) and a manifest with the
 * database file's SHA-256 and every table's row count and content checksum, all taken from the one
 * snapshot the backup holds. A restore checks the file's checksum before it touches anything, and
 * the tables' after, and refuses a backup that differs in one byte. The search index is not in a
 * backup: it is rebuilt from the database when the restored store first starts (DATA-5).
 */
public final class Backups {
  static final String FORMAT = "paperboy-backup-1";
  private static final String MAGIC = "PAPERBOY-BACKUP 1";
  private static final String DATABASE = "database";

  /** The trailer line: 64 hex digits and a newline. */
  private static final int TRAILER = 65;

  private final StoreSettings settings;
  private final Clock clock;

  public Backups(StoreSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** What a backup holds, as its manifest says. */
  public record Manifest(Engine engine, String created, String databaseSha256, Tables tables) {}

  /** Row counts and content checksums of every table, by name. */
  public record Tables(Map<String, Long> rows, Map<String, String> checksums) {
    public long totalRows() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Writes a backup of the store to {@code to} (through a temporary file, then renamed). */
  public Manifest backup(Path to) {
    Path target = to.toAbsolutePath();
    try {
      Path dir = Files.createTempDirectory(parent(target), ".backup-");
      try {
        Path database = dir.resolve(DATABASE);
        Tables tables =
            settings.engine() == Engine.SQLITE ? vacuumInto(database) : pgDump(database);
        Manifest manifest =
            new Manifest(settings.engine(), clock.instant().toString(), sha256(database), tables);
        Path partial = dir.resolve("backup");
        writeArchive(partial, database, manifest);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        return manifest;
      } finally {
        deleteTree(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the backup " + target + ": " + e, e);
    }
  }

  /**
   * Restores {@code from} into this store, which must be empty (a new data directory, or a new
   * PostgreSQL database).
   *
   * @throws StoreRefused for a corrupt or foreign backup, or a store that is not empty
   */
  public Manifest restore(Path from) {
    try {
      Path dir = Files.createTempDirectory(parent(from.toAbsolutePath()), ".restore-");
      try {
        Path database = dir.resolve(DATABASE);
        Manifest manifest = unpack(from, database);
        if (manifest.engine() != settings.engine()) {
          throw new StoreRefused(
              "The backup "
                  + from
                  + " is of a "
                  + manifest.engine()
                  + " store; this store is "
                  + settings.engine()
                  + ". Restore it into a store of the same engine.");
        }
        if (settings.engine() == Engine.SQLITE) {
          restoreSqlite(database, manifest);
        } else {
          restorePostgres(database, manifest);
        }
        return manifest;
      } finally {
        deleteTree(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the backup " + from + ": " + e, e);
    }
  }

  /** The tables of the store as they are now: counts and checksums, for checks and drills. */
  public Tables tables() {
    try (Connection connection = connect(settings.jdbcUrl())) {
      return tables(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the store: " + e.getMessage(), e);
    }
  }

  private Tables vacuumInto(Path database) throws IOException {
    try (Connection live = connect(settings.jdbcUrl());
        Statement statement = live.createStatement()) {
      // A copy from one read transaction: writes made meanwhile wait for the next backup.
      statement.execute("VACUUM INTO '" + database.toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("SQLite could not copy the database: " + e.getMessage(), e);
    }
    try (Connection copy = connect("jdbc:sqlite:" + database)) {
      return tables(copy);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the backup copy: " + e.getMessage(), e);
    }
  }

  /**
   * Dumps the database with {@code pg_dump} from a snapshot exported by a transaction of ours, and
   * counts the tables in that same snapshot: the manifest describes exactly what the dump holds.
   */
  private Tables pgDump(Path database) throws IOException {
    try (Connection connection = connect(settings.jdbcUrl())) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      String snapshot;
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT pg_export_snapshot()")) {
        result.next();
        snapshot = result.getString(1);
      }
      run(
          List.of(
              "pg_dump",
              "--format=custom",
              "--no-owner",
              "--no-privileges",
              "--snapshot=" + snapshot,
              "--file=" + database,
              "--dbname=" + conninfo()));
      Tables tables = tables(connection);
      connection.rollback();
      return tables;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not back up PostgreSQL: " + e.getMessage(), e);
    }
  }

  private void restoreSqlite(Path database, Manifest manifest) throws IOException {
    Path file = settings.dataDir().resolve("paperboy.db");
    if (Files.exists(file) && hasTables(settings.jdbcUrl())) {
      throw new StoreRefused(
          "The data directory "
              + settings.dataDir()
              + " already holds a database; restore into an empty data directory.");
    }
    try (Connection copy = connect("jdbc:sqlite:" + database);
        Statement statement = copy.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
      result.next();
      if (!"ok".equals(result.getString(1))) {
        throw new StoreRefused("The backup's database fails SQLite's integrity check");
      }
      verify(tables(copy), manifest);
    } catch (SQLException e) {
      throw new StoreRefused("The backup's database cannot be read: " + e.getMessage());
    }
    Files.createDirectories(settings.dataDir());
    for (String leftover : List.of("paperboy.db-wal", "paperboy.db-shm")) {
      Files.deleteIfExists(settings.dataDir().resolve(leftover));
    }
    // The index belongs to whatever database was here before; the restored one builds its own.
    deleteTree(settings.dataDir().resolve("index"));
    Path staged = settings.dataDir().resolve("paperboy.db.restoring");
    Files.copy(database, staged, StandardCopyOption.REPLACE_EXISTING);
    Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void restorePostgres(Path database, Manifest manifest) throws IOException {
    if (hasTables(settings.jdbcUrl())) {
      throw new StoreRefused(
          "The database "
              + settings.jdbcUrl()
              + " already holds tables; restore into a new, empty database.");
    }
    run(
        List.of(
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "--dbname=" + conninfo(),
            database.toString()));
    try (Connection connection = connect(settings.jdbcUrl())) {
      verify(tables(connection), manifest);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not check the restored database: " + e, e);
    }
    deleteTree(settings.dataDir().resolve("index"));
  }

  private static void verify(Tables restored, Manifest manifest) {
    if (!restored.equals(manifest.tables())) {
      List<String> differing = new ArrayList<>();
      for (String table : manifest.tables().rows().keySet()) {
        if (!manifest.tables().checksums().get(table).equals(restored.checksums().get(table))) {
          differing.add(table);
        }
      }
      throw new StoreRefused(
          "The restored tables differ from the backup's manifest"
              + (differing.isEmpty() ? "" : ": " + differing));
    }
  }

  private static Tables tables(Connection connection) throws SQLException {
    Map<String, Long> rows = new TreeMap<>();
    Map<String, String> checksums = new TreeMap<>();
    for (String table : tableNames(connection)) {
      MessageDigest digest = sha256();
      long count = 0;
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(1_000);
        // Ordered by every column, so the checksum depends on the rows and never on their layout.
        int columns;
        try (ResultSet shape = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
          columns = shape.getMetaData().getColumnCount();
        }
        StringBuilder order = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
          order.append(c == 1 ? "" : ", ").append(c);
        }
        try (ResultSet result =
            statement.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
          while (result.next()) {
            for (int c = 1; c <= columns; c++) {
              String value = result.getString(c);
              digest.update(
                  (value == null ? "\u0000null" : value.length() + ":" + value)
                      .getBytes(StandardCharsets.UTF_8));
            }
            count++;
          }
        }
      }
      rows.put(table, count);
      checksums.put(table, HexFormat.of().formatHex(digest.digest()));
    }
    return new Tables(rows, checksums);
  }

  private static List<String> tableNames(Connection connection) throws SQLException {
    boolean sqlite = connection.getMetaData().getURL().startsWith("jdbc:sqlite:");
    String list =
        sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : """
              SELECT table_name FROM information_schema.tables
              WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
              """;
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(list)) {
      while (result.next()) {
        names.add(result.getString(1));
      }
    }
    return names;
  }

  /** Whether the store has any table at all: a restore only goes into an empty one. */
  private boolean hasTables(String jdbcUrl) {
    try (Connection connection = connect(jdbcUrl)) {
      return !tableNames(connection).isEmpty();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not open the target store: " + e.getMessage(), e);
    }
  }

  /**
   * The file: a magic line, then a gzip stream of the manifest (its length on a line of its own,
   * then its text) and the database, then a trailer line with the SHA-256 of every byte before it.
   * Unlike a zip, whose central directory a reader may never look at, any byte flipped anywhere
   * breaks the trailer's checksum.
   */
  private static void writeArchive(Path archive, Path database, Manifest manifest)
      throws IOException {
    Properties properties = new Properties();
    properties.setProperty("format", FORMAT);
    properties.setProperty("engine", manifest.engine().name());
    properties.setProperty("created", manifest.created());
    properties.setProperty("database.sha256", manifest.databaseSha256());
    manifest.tables().rows().forEach((t, n) -> properties.setProperty("rows." + t, n.toString()));
    manifest.tables().checksums().forEach((t, s) -> properties.setProperty("sha256." + t, s));
    StringWriter text = new StringWriter();
    properties.store(text, "Paperboy backup: the database's SHA-256, and each table's rows");
    byte[] manifestBytes = text.toString().getBytes(StandardCharsets.UTF_8);

    MessageDigest whole = sha256();
    try (FileChannel channel =
            FileChannel.open(archive, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream file = Channels.newOutputStream(channel)) {
      DigestOutputStream hashed = new DigestOutputStream(file, whole);
      hashed.write((MAGIC + "\n").getBytes(StandardCharsets.US_ASCII));
      GZIPOutputStream gzip = new GZIPOutputStream(hashed, 1 << 16);
      gzip.write((manifestBytes.length + "\n").getBytes(StandardCharsets.US_ASCII));
      gzip.write(manifestBytes);
      Files.copy(database, gzip);
      gzip.finish();
      hashed.flush();
      file.write(
          (HexFormat.of().formatHex(whole.digest()) + "\n").getBytes(StandardCharsets.US_ASCII));
      file.flush();
      channel.force(true);
    }
  }

  /** Checks the whole file's checksum, then unpacks it; refuses it at the first thing amiss. */
  private static Manifest unpack(Path archive, Path database) throws IOException {
    if (!Files.isRegularFile(archive)) {
      throw new StoreRefused("No backup at " + archive);
    }
    long size = Files.size(archive);
    if (size < MAGIC.length() + 1 + TRAILER) {
      throw corrupt(archive, "it is too short to be a Paperboy backup");
    }
    MessageDigest whole = sha256();
    try (InputStream in = Files.newInputStream(archive)) {
      byte[] buffer = new byte[1 << 16];
      long left = size - TRAILER;
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        whole.update(buffer, 0, read);
        left -= read;
      }
      String trailer = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
      if (!trailer.equals(HexFormat.of().formatHex(whole.digest()))) {
        throw corrupt(archive, "its checksum does not match its contents");
      }
    }
    Properties properties = new Properties();
    String actual;
    try (InputStream file = Files.newInputStream(archive)) {
      byte[] magic = file.readNBytes(MAGIC.length() + 1);
      if (!new String(magic, StandardCharsets.US_ASCII).equals(MAGIC + "\n")) {
        throw corrupt(archive, "it is not a Paperboy backup");
      }
      // The trailer is not part of the gzip stream: read exactly up to it.
      InputStream body =
          new BufferedInputStream(
              new GZIPInputStream(new BoundedInput(file, size - TRAILER - magic.length), 1 << 16));
      StringBuilder length = new StringBuilder();
      for (int c; (c = body.read()) != '\n'; ) {
        if (c < 0 || length.length() > 10) {
          throw corrupt(archive, "its manifest is missing");
        }
        length.append((char) c);
      }
      byte[] manifest = body.readNBytes(Integer.parseInt(length.toString()));
      properties.load(new StringReader(new String(manifest, StandardCharsets.UTF_8)));
      MessageDigest digest = sha256();
      Files.copy(new DigestInputStream(body, digest), database);
      actual = HexFormat.of().formatHex(digest.digest());
    } catch (ZipException | NumberFormatException e) {
      throw corrupt(archive, e.getMessage());
    }
    if (!FORMAT.equals(properties.getProperty("format"))
        || !actual.equals(properties.getProperty("database.sha256"))) {
      throw corrupt(archive, "the database's checksum does not match the manifest");
    }
    Map<String, Long> rows = new TreeMap<>();
    Map<String, String> checksums = new TreeMap<>();
    try {
      for (String key : properties.stringPropertyNames()) {
        if (key.startsWith("rows.")) {
          rows.put(key.substring(5), Long.parseLong(properties.getProperty(key)));
        } else if (key.startsWith("sha256.")) {
          checksums.put(key.substring(7), properties.getProperty(key));
        }
      }
      return new Manifest(
          Engine.valueOf(properties.getProperty("engine")),
          properties.getProperty("created"),
          actual,
          new Tables(rows, checksums));
    } catch (RuntimeException e) {
      throw corrupt(archive, "its manifest cannot be read (" + e.getMessage() + ")");
    }
  }

  /** At most {@code limit} bytes of a stream. */
  private static final class BoundedInput extends FilterInputStream {
    private long left;

    BoundedInput(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  private static StoreRefused corrupt(Path archive, String why) {
    return new StoreRefused(
        "The backup "
            + archive
            + " is corrupt and was not restored: "
            + why
            + ". Nothing changed.");
  }

  /** libpq's form of the JDBC url, for pg_dump and pg_restore; the password goes by environment. */
  private String conninfo() {
    URI uri = URI.create(settings.jdbcUrl().substring("jdbc:".length()));
    String user = settings.user() == null || settings.user().isBlank() ? "" : settings.user() + "@";
    return "postgresql://"
        + user
        + uri.getHost()
        + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
        + uri.getPath()
        + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
  }

  private void run(List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (settings.password() != null && !settings.password().isBlank()) {
      builder.environment().put("PGPASSWORD", settings.password());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new StoreRefused(
          command.get(0)
              + " was not found: PostgreSQL backups need the PostgreSQL client tools (Debian:"
              + " postgresql-client) of the server's major version or newer");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(6, TimeUnit.HOURS) || process.exitValue() != 0) {
        throw new IllegalStateException(command.get(0) + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(command.get(0) + " was interrupted", e);
    }
  }

  private Connection connect(String jdbcUrl) throws SQLException {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      Connection connection = DriverManager.getConnection(jdbcUrl);
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = " + settings.busyTimeoutMillis());
      }
      return connection;
    }
    return DriverManager.getConnection(jdbcUrl, settings.user(), settings.password());
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path parent(Path file) throws IOException {
    Path parent = file.getParent() == null ? Path.of(".") : file.getParent();
    return Files.createDirectories(parent);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
