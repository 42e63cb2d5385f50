package dev.paperboy.bench.corpus;

import dev.paperboy.ingest.arxiv.SnapshotRecord;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an arXiv snapshot of any size (the Kaggle format, gzip) from a smaller one, for measuring
 * Paperboy at the size of the whole of arXiv. The source records come first, as they are; then
 * papers made by {@link TextVariation} from two source papers each, given unused identifiers of
 * every month since August 1991 ({@link IdSpace}), with a first version dated inside the month of
 * their identifier, later versions after it and an update date after the last. One seeded random
 * sequence decides everything, so the same source, size and seed give the same file, byte for byte
 * (the SHA-256 it prints is of the uncompressed lines).
 *
 * <pre>bench/full-size-corpus.sh SOURCE OUT [RECORDS] [SEED]</pre>
 */
public final class FullSizeCorpus {
  static final long DEFAULT_RECORDS = 2_700_000;
  static final long DEFAULT_SEED = 2026;
  static final YearMonth LAST_MONTH = YearMonth.of(2026, 11);
  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;
  private static final int MOST_VERSIONS = 5;

  private final JsonMapper json = JsonMapper.builder().build();
  private final Instant end = LAST_MONTH.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();

  /** What a run wrote. */
  public record Written(long records, long copied, String sha256, Duration took) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 4) {
      System.err.println("usage: FullSizeCorpus SOURCE OUT [RECORDS] [SEED]");
      System.exit(2);
    }
    long records = args.length > 2 ? Long.parseLong(args[2].replace("_", "")) : DEFAULT_RECORDS;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_SEED;
    Written written = new FullSizeCorpus().write(Path.of(args[0]), Path.of(args[1]), records, seed);
    System.out.printf(
        "wrote %,d records (%,d copied from the source) to %s in %.1f s, seed %d, SHA-256 of the lines %s%n",
        written.records(), written.copied(), args[1], written.took().toMillis() / 1000.0, seed, written.sha256());
  }

  /** Writes {@code records} records to {@code out}: the source's, then generated ones. */
  public Written write(Path source, Path out, long records, long seed) throws IOException {
    Instant started = Instant.now();
    Source read = read(source);
    if (records < read.lines()) {
      throw new IllegalArgumentException(
          "the source already holds %,d records, more than the %,d asked for".formatted(read.lines(), records));
    }
    List<SnapshotRecord> pool = read.pool();
    Set<String> taken = new HashSet<>();
    List<String> lastNames = new ArrayList<>();
    for (SnapshotRecord record : pool) {
      taken.add(record.id());
      for (List<String> author : authorsOf(record)) {
        lastNames.add(author.get(0));
      }
    }
    MessageDigest sha256 = sha256();
    SplittableRandom random = new SplittableRandom(seed);
    IdSpace ids = new IdSpace(taken);
    long copied;
    try (OutputStream file = Files.newOutputStream(out);
        GZIPOutputStream gzip = fastGzip(file);
        BufferedWriter lines =
            new BufferedWriter(
                new OutputStreamWriter(new DigestOutputStream(gzip, sha256), StandardCharsets.UTF_8), 1 << 16)) {
      copied = copy(source, lines);
      long[] monthly = IdSpace.monthlyCounts(records - copied, LAST_MONTH);
      for (int m = 0; m < monthly.length; m++) {
        YearMonth month = IdSpace.FIRST.plusMonths(m);
        for (long i = 0; i < monthly[m]; i++) {
          lines.write(json.writeValueAsString(generated(month, pool, lastNames, ids, random)));
          lines.write('\n');
        }
      }
    }
    return new Written(
        records, copied, HexFormat.of().formatHex(sha256.digest()), Duration.between(started, Instant.now()));
  }

  private SnapshotRecord generated(
      YearMonth month, List<SnapshotRecord> pool, List<String> lastNames, IdSpace ids, SplittableRandom random) {
    SnapshotRecord base = null;
    String id = null;
    // Before 2007 an archive numbers at most 999 papers a month: another base paper, of another
    // archive, takes the place of one whose archive is full.
    for (int attempt = 0; id == null; attempt++) {
      if (attempt == 1_000) {
        throw new IllegalStateException("no archive has numbers left in " + month);
      }
      base = pool.get(random.nextInt(pool.size()));
      id = ids.next(month, archive(base));
    }
    SnapshotRecord donor = pool.get(random.nextInt(pool.size()));
    List<List<String>> authors = TextVariation.authors(authorsOf(base), lastNames, random);
    List<SnapshotRecord.Version> versions = versions(month, base, random);
    Instant lastVersion = created(versions.get(versions.size() - 1));
    Instant updated = before(lastVersion.plus(Duration.ofDays(random.nextInt(31))));
    return new SnapshotRecord(
        id,
        authors.isEmpty() ? base.submitter() : name(authors.get(0)),
        authors.isEmpty() ? base.authors() : String.join(", ", authors.stream().map(FullSizeCorpus::name).toList()),
        TextVariation.title(base.title(), donor.title(), random),
        base.comments(),
        null,
        null,
        null,
        base.categories(),
        base.license(),
        TextVariation.abstractText(base.abstractText(), donor.abstractText(), random),
        versions,
        LocalDate.ofInstant(updated, ZoneOffset.UTC).toString(),
        authors.isEmpty() ? null : authors);
  }

  /** As many versions as the base paper has (at most five): v1 inside the month, each later one after. */
  private List<SnapshotRecord.Version> versions(YearMonth month, SnapshotRecord base, SplittableRandom random) {
    int count = Math.min(MOST_VERSIONS, base.versions() == null ? 1 : Math.max(1, base.versions().size()));
    Instant at =
        month.atDay(1 + random.nextInt(month.lengthOfMonth()))
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .plusSeconds(random.nextInt(86_400));
    List<SnapshotRecord.Version> versions = new ArrayList<>(count);
    for (int number = 1; number <= count && at.isBefore(end); number++) {
      versions.add(new SnapshotRecord.Version("v" + number, RFC_1123.format(at.atOffset(ZoneOffset.UTC))));
      at = at.plus(Duration.ofDays(1 + random.nextInt(180))).plusSeconds(random.nextInt(86_400));
    }
    return versions;
  }

  private Instant before(Instant instant) {
    return instant.isBefore(end) ? instant : end.minusSeconds(1);
  }

  private static Instant created(SnapshotRecord.Version version) {
    return ZonedDateTime.parse(version.created(), RFC_1123).toInstant();
  }

  /** The archive of the paper's first category ({@code hep-th}, {@code cs} of {@code cs.LG}). */
  private static String archive(SnapshotRecord record) {
    String first = record.categories() == null ? "physics" : record.categories().strip().split("\\s+")[0];
    int dot = first.indexOf('.');
    return (dot < 0 ? first : first.substring(0, dot)).toLowerCase(Locale.ROOT);
  }

  private static List<List<String>> authorsOf(SnapshotRecord record) {
    if (record.authorsParsed() == null) {
      return List.of();
    }
    return record.authorsParsed().stream().filter(a -> a != null && !a.isEmpty()).toList();
  }

  private static String name(List<String> author) {
    String first = author.size() > 1 ? author.get(1) : "";
    return (first + " " + author.get(0)).strip();
  }

  /** The source's lines, and those of its records that have an id, a title and an abstract. */
  private record Source(List<SnapshotRecord> pool, long lines) {}

  private Source read(Path source) throws IOException {
    List<SnapshotRecord> pool = new ArrayList<>();
    long count = 0;
    try (BufferedReader lines = reader(source)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine(), count++) {
        SnapshotRecord record = json.readValue(line, SnapshotRecord.class);
        if (record.id() != null && record.title() != null && record.abstractText() != null) {
          pool.add(record);
        }
      }
    }
    return new Source(pool, count);
  }

  /** Copies the source's lines as they are, and counts them. */
  private static long copy(Path source, BufferedWriter out) throws IOException {
    long copied = 0;
    try (BufferedReader lines = reader(source)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine(), copied++) {
        out.write(line);
        out.write('\n');
      }
    }
    return copied;
  }

  private static BufferedReader reader(Path source) throws IOException {
    InputStream in = Files.newInputStream(source);
    if (source.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }

  /** Gzip at its fastest level: the file is written once and read a few times. */
  private static GZIPOutputStream fastGzip(OutputStream out) throws IOException {
    return new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
