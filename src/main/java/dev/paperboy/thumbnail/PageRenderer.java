package dev.paperboy.thumbnail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders the first page of a PDF to a PNG of a fixed width with Apache PDFBox, on a thread of its
 * own under a time limit. PDFBox cannot be stopped mid-page, so a render past its limit is
 * abandoned to its thread (a daemon, replaced by a fresh one) and the caller moves on: a hostile
 * PDF costs one thread for a while, never the worker.
 */
final class PageRenderer implements AutoCloseable {
  /** Why a PDF gave no thumbnail, said in the failure marker and the log. */
  static final class Unrenderable extends Exception {
    Unrenderable(String reason) {
      super(reason);
    }
  }

  /** A page wider than this many points (about 2.8 m) is no paper's page. */
  private static final float MAX_POINTS = 8_000;

  private final int width;
  private final Duration timeout;
  private ExecutorService thread = newThread();

  PageRenderer(int width, Duration timeout) {
    this.width = width;
    this.timeout = timeout;
  }

  /**
   * @throws Unrenderable for an encrypted, malformed or empty PDF, an absurd page, or a render past
   *     its time
   */
  synchronized byte[] firstPage(byte[] pdf) throws Unrenderable, InterruptedException {
    Future<byte[]> render = thread.submit(() -> render(pdf));
    try {
      return render.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      render.cancel(true);
      thread.shutdownNow();
      thread = newThread();
      throw new Unrenderable("rendering took longer than " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Unrenderable unrenderable) {
        throw unrenderable;
      }
      if (cause instanceof InvalidPasswordException) {
        throw new Unrenderable("the PDF is encrypted");
      }
      if (cause instanceof IOException) {
        throw new Unrenderable("not a readable PDF: " + cause.getMessage());
      }
      // PDFBox meets hostile input with runtime errors too (and, rarely, an OutOfMemoryError in
      // the render thread only): none of them is the worker's to die of.
      throw new Unrenderable("PDFBox failed on it: " + cause);
    }
  }

  private byte[] render(byte[] pdf) throws IOException, Unrenderable {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      if (document.isEncrypted()) {
        // Opened with the empty user password, it could be read; its owner said it may not be.
        throw new Unrenderable("the PDF is encrypted");
      }
      if (document.getNumberOfPages() == 0) {
        throw new Unrenderable("the PDF has no pages");
      }
      PDRectangle box = document.getPage(0).getCropBox();
      if (!(box.getWidth() >= 1 && box.getHeight() >= 1)
          || box.getWidth() > MAX_POINTS
          || box.getHeight() > MAX_POINTS) {
        throw new Unrenderable(
            "the first page is " + box.getWidth() + " × " + box.getHeight() + " points");
      }
      float scale = width / box.getWidth();
      BufferedImage page = new PDFRenderer(document).renderImage(0, scale, ImageType.RGB);
      int height = Math.min(page.getHeight(), width * 3 / 2);
      BufferedImage top = page.getSubimage(0, 0, Math.min(width, page.getWidth()), height);
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(top, "png", png);
      return png.toByteArray();
    }
  }

  private static ExecutorService newThread() {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread thread = new Thread(task, "thumbnail-render");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Override
  public synchronized void close() {
    thread.shutdownNow();
  }
}
