package dev.paperboy.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A stream that gives at most {@code limit} bytes and then throws what its reader asked for: an
 * answer from arXiv larger than any real one, a snapshot that decompresses past the cap.
 */
final class CappedInputStream extends FilterInputStream {
  private final long limit;
  private final Supplier<? extends RuntimeException> tooLarge;
  private long count;

  CappedInputStream(InputStream in, long limit, Supplier<? extends RuntimeException> tooLarge) {
    super(in);
    this.limit = limit;
    this.tooLarge = tooLarge;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0 && ++count > limit) {
      throw tooLarge.get();
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0 && (count += n) > limit) {
      throw tooLarge.get();
    }
    return n;
  }
}
