package dev.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads newline-separated lines as bytes without ever holding more than {@code maxLineBytes} of one
 * line: a longer line is skipped to its end and reported as oversized, so a 100 MB line costs no
 * more memory than a short one (docs/reliability.md ING-2).
 */
final class BoundedLineReader {
  /** A line's bytes ({@code length} of {@code bytes} are valid), or an oversized marker. */
  record Line(byte[] bytes, int length, long number, boolean oversized) {}

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[1 << 12];
  private long lineNumber;

  BoundedLineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or null at the end of input. The returned bytes are reused by the next call. */
  @Nullable Line next() throws IOException {
    int length = 0;
    boolean oversized = false;
    boolean sawAny = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (!sawAny) {
            return null;
          }
          break;
        }
      }
      sawAny = true;
      int newline = -1;
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          newline = i;
          break;
        }
      }
      int end = newline < 0 ? limit : newline;
      int chunk = end - position;
      if (!oversized) {
        if (length + chunk > maxLineBytes) {
          oversized = true;
        } else {
          if (length + chunk > line.length) {
            line =
                Arrays.copyOf(
                    line, Math.min(maxLineBytes, Math.max(line.length * 2, length + chunk)));
          }
          System.arraycopy(buffer, position, line, length, chunk);
          length += chunk;
        }
      }
      position = end;
      if (newline >= 0) {
        position = newline + 1;
        break;
      }
    }
    lineNumber++;
    if (!oversized && length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return new Line(line, oversized ? 0 : length, lineNumber, oversized);
  }
}
