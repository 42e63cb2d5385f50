package dev.paperboy.ingest;

import dev.paperboy.ingest.arxiv.InvalidRecord;
import dev.paperboy.ingest.arxiv.SnapshotAdapter;
import dev.paperboy.ingest.arxiv.SnapshotRecord;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.paper.UpsertOutcome;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams arXiv snapshot JSON lines (plain, gzip, or the first file of a zip as Kaggle ships it;
 * any size up to {@link IngestSettings#maxDecompressedBytes}) into the paper store in batches. A
 * bad line is reported with its number and reason and the rest imports; the store sees only whole,
 * valid records, through the idempotent {@link Papers#upsertAll}, so running an import twice
 * changes nothing and an older record never replaces a newer one. A file's import keeps a
 * checkpoint with each batch ({@link ImportCheckpoints}): killed midway, it starts again after the
 * last stored line.
 */
@Service
public class SnapshotImporter {
  private static final Logger log = LoggerFactory.getLogger(SnapshotImporter.class);

  private final Papers papers;
  private final ImportCheckpoints checkpoints;
  private final TransactionTemplate transaction;
  private final IngestSettings settings;
  private final JsonMapper json;

  /** A file's import: its checkpoint's key and name, and the last line an earlier run stored. */
  private record Resume(String key, String fileName, long afterLine) {}

  /** Parsed records, and the number of the last line they cover. */
  private record Batch(List<Paper> papers, long lastLine) {}

  SnapshotImporter(
      Papers papers,
      ImportCheckpoints checkpoints,
      TransactionTemplate transaction,
      IngestSettings settings) {
    this.papers = papers;
    this.checkpoints = checkpoints;
    this.transaction = transaction;
    this.settings = settings;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(settings.maxNesting()).build())
            .build();
    this.json =
        JsonMapper.builder(factory)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
  }

  /**
   * Imports a file; gzip and zip are recognised by their content, not the name. An unfinished
   * import of the same file resumes after its last stored line.
   */
  public ImportSummary importFile(Path file, boolean dryRun, ImportProgress progress)
      throws IOException {
    Resume resume = null;
    if (!dryRun) {
      String key = ImportCheckpoints.key(file);
      resume = new Resume(key, file.getFileName().toString(), checkpoints.resumeAfter(key));
      if (resume.afterLine() > 0) {
        log.info("Resuming the import of {} after line {}", file, resume.afterLine());
      }
    }
    try (InputStream raw = Files.newInputStream(file)) {
      return importStream(raw, dryRun, progress, resume);
    }
  }

  /**
   * Imports from a stream of plain or gzip-compressed JSON lines; does not close it. Reading and
   * parsing run on a thread of their own, one batch ahead of the writes on this thread, so that the
   * two halves of the work overlap.
   */
  public ImportSummary importStream(InputStream raw, boolean dryRun, ImportProgress progress)
      throws IOException {
    return importStream(raw, dryRun, progress, null);
  }

  private ImportSummary importStream(
      InputStream raw, boolean dryRun, ImportProgress progress, @Nullable Resume resume)
      throws IOException {
    Run run = new Run(dryRun, resume);
    BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(2);
    ExecutorService reader =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "import-reader");
              thread.setDaemon(true);
              return thread;
            });
    Future<?> reading =
        reader.submit(
            () -> {
              read(raw, run, batches, progress);
              return null;
            });
    try {
      while (true) {
        Batch batch = batches.poll(100, TimeUnit.MILLISECONDS);
        if (batch != null) {
          run.store(batch);
        } else if (reading.isDone() && batches.isEmpty()) {
          break; // everything the reader put is taken; get() below reports how it ended
        }
      }
      reading.get();
      run.finish();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("import interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e);
    } finally {
      reader.shutdownNow();
    }
    return run.summary();
  }

  private void read(InputStream raw, Run run, BlockingQueue<Batch> batches, ImportProgress progress)
      throws IOException, InterruptedException {
    CountingInputStream counted = new CountingInputStream(raw);
    BufferedInputStream buffered = new BufferedInputStream(counted, 1 << 16);
    List<Paper> batch = new ArrayList<>(settings.batchSize());
    try {
      InputStream in = decompressed(buffered, run);
      BoundedLineReader reader = new BoundedLineReader(in, settings.maxLineBytes());
      BoundedLineReader.Line line;
      while ((line = reader.next()) != null) {
        run.lastLine = line.number();
        if (line.number() <= run.resumedAfter) {
          // Stored by the run that was stopped: read past, not parsed again.
        } else if (line.oversized()) {
          run.read++;
          run.reject(line.number(), "line longer than " + settings.maxLineBytes() + " bytes");
        } else if (!isBlank(line)) {
          run.read++;
          Paper paper = parse(line, run);
          if (paper != null) {
            batch.add(paper);
          }
        }
        if (batch.size() >= settings.batchSize()) {
          batches.put(new Batch(batch, line.number()));
          batch = new ArrayList<>(settings.batchSize());
        }
        if ((line.number() & 1023) == 0) {
          progress.advanced(counted.count, run.read);
        }
      }
    } catch (EOFException | ZipException e) {
      // The lines before the damage are stored; say where it stopped.
      run.aborted = "the input ends early or is not valid gzip or zip (" + e.getMessage() + ")";
      log.warn("Import stopped after {} records: {}", run.read, run.aborted);
    } catch (TooLarge e) {
      run.aborted =
          "the file decompresses to more than "
              + settings.maxDecompressedBytes()
              + " bytes (paperboy.ingest.max-decompressed-bytes)";
      log.warn("Import stopped after {} records: {}", run.read, run.aborted);
    }
    // Whole, valid records read before an early end are stored all the same.
    batches.put(new Batch(batch, run.lastLine));
    progress.advanced(counted.count, run.read);
  }

  private @Nullable Paper parse(BoundedLineReader.Line line, Run run) {
    try {
      SnapshotRecord record = json.readValue(line.bytes(), 0, line.length(), SnapshotRecord.class);
      if (record == null) {
        run.reject(line.number(), "not a JSON object");
        return null;
      }
      return SnapshotAdapter.toPaper(record);
    } catch (JacksonException e) {
      run.reject(line.number(), "broken JSON: " + firstLine(e.getOriginalMessage()));
    } catch (InvalidRecord e) {
      run.reject(line.number(), e.getMessage());
    }
    return null;
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static boolean isBlank(BoundedLineReader.Line line) {
    for (int i = 0; i < line.length(); i++) {
      byte b = line.bytes()[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /**
   * The JSON lines inside: a gzip stream, the first file of a zip (a zip's other entries are not
   * read, and the import says so), or the bytes as they are. Whatever decompresses is counted
   * against the cap.
   */
  private InputStream decompressed(BufferedInputStream in, Run run) throws IOException {
    in.mark(4);
    int first = in.read();
    int second = in.read();
    int third = in.read();
    int fourth = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      return new CappedInputStream(
          new GZIPInputStream(in, 1 << 16), settings.maxDecompressedBytes(), TooLarge::new);
    }
    if (first == 'P' && second == 'K' && third == 3 && fourth == 4) {
      ZipInputStream zip = new ZipInputStream(in);
      ZipEntry entry = zip.getNextEntry();
      while (entry != null && entry.isDirectory()) {
        entry = zip.getNextEntry();
      }
      if (entry == null) {
        throw new ZipException("the zip holds no file");
      }
      log.info("Importing {} from the zip", entry.getName());
      return new FirstEntry(
          new CappedInputStream(zip, settings.maxDecompressedBytes(), TooLarge::new), zip, run);
    }
    return in;
  }

  /** Past the decompressed cap: a decompression bomb stops, the lines before it stay. */
  private static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("decompressed beyond the cap", null, false, false);
    }
  }

  /** The first file of a zip; at its end, whether more entries follow is noted. */
  private static final class FirstEntry extends FilterInputStream {
    private final ZipInputStream zip;
    private final Run run;
    private boolean ended;

    FirstEntry(InputStream in, ZipInputStream zip, Run run) {
      super(in);
      this.zip = zip;
      this.run = run;
    }

    @Override
    public int read() throws IOException {
      return noted(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return noted(super.read(b, off, len));
    }

    private int noted(int n) throws IOException {
      if (n < 0 && !ended) {
        ended = true;
        ZipEntry next = zip.getNextEntry();
        if (next != null) {
          run.reject(
              0, "the zip holds more files; only the first was read (" + next.getName() + ")");
        }
      }
      return n;
    }
  }

  /**
   * The counters of one import. The reader thread owns read, rejected, problems and aborted; the
   * writer owns the store counts; the writer reads all of them only after the reader finished.
   */
  private final class Run {
    private final long started = System.nanoTime();
    private final boolean dryRun;
    private final @Nullable Resume resume;
    private final long resumedAfter;
    private final List<ImportProblem> problems = new ArrayList<>();
    private long lastLine;
    private long read;
    private long added;
    private long updated;
    private long unchanged;
    private long rejected;
    private @Nullable String aborted;

    Run(boolean dryRun, @Nullable Resume resume) {
      this.dryRun = dryRun;
      this.resume = resume;
      this.resumedAfter = resume == null ? 0 : resume.afterLine();
    }

    void reject(long line, String reason) {
      rejected++;
      if (problems.size() < ImportSummary.MAX_PROBLEMS) {
        problems.add(new ImportProblem(line, reason));
      }
    }

    void store(Batch batch) {
      if (dryRun || (batch.papers().isEmpty() && resume == null)) {
        return;
      }
      List<UpsertOutcome> outcomes =
          transaction.execute(
              tx -> {
                List<UpsertOutcome> stored = papers.upsertAll(batch.papers());
                if (resume != null && batch.lastLine() > resumedAfter) {
                  checkpoints.advance(resume.key(), resume.fileName(), batch.lastLine());
                }
                return stored;
              });
      for (UpsertOutcome outcome : outcomes) {
        switch (outcome) {
          case NEW -> added++;
          case UPDATED -> updated++;
          case UNCHANGED, OLDER -> unchanged++;
        }
      }
    }

    /** Read to the end: the next import of the file is a new one. */
    void finish() {
      if (resume != null && aborted == null) {
        checkpoints.finish(resume.key(), resume.fileName(), lastLine);
      }
    }

    ImportSummary summary() {
      return new ImportSummary(
          read,
          added,
          updated,
          unchanged,
          rejected,
          List.copyOf(problems),
          Duration.ofNanos(System.nanoTime() - started),
          aborted,
          dryRun,
          resumedAfter);
    }
  }

  /** Counts the bytes read from the file, before decompression, for the progress bar. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
