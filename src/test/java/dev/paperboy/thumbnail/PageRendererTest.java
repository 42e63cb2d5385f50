package dev.paperboy.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageRendererTest {
  private final PageRenderer renderer = new PageRenderer(320, Duration.ofSeconds(20));

  @AfterEach
  void close() {
    renderer.close();
  }

  @Test
  void aPapersFirstPageBecomesAPngOfTheGivenWidth() throws Exception {
    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(renderer.firstPage(Pdfs.paper(40))));

    assertThat(image.getWidth()).isEqualTo(320);
    // Letter is 8.5 × 11 in: the whole page fits under the cap of 1.5 times the width.
    assertThat(image.getHeight()).isEqualTo(414);
    assertThat(darkPixels(image)).as("the title and the text are drawn").isGreaterThan(500);
  }

  @Test
  void whatIsNoReadablePdfIsRefusedWithItsReason() throws Exception {
    byte[] garbage = "%PDF-1.7\nthis is not a PDF at all".getBytes(StandardCharsets.US_ASCII);
    byte[] html = "<html><body>Access denied</body></html>".getBytes(StandardCharsets.US_ASCII);
    byte[] half = Arrays.copyOf(Pdfs.paper(40), 300);

    for (byte[] pdf : new byte[][] {garbage, html, half, new byte[0]}) {
      assertThatThrownBy(() -> renderer.firstPage(pdf))
          .isInstanceOf(PageRenderer.Unrenderable.class);
    }
  }

  @Test
  void anEncryptedPdfIsRefused() throws Exception {
    assertThatThrownBy(() -> renderer.firstPage(Pdfs.encrypted()))
        .isInstanceOf(PageRenderer.Unrenderable.class)
        .hasMessage("the PDF is encrypted");
  }

  @Test
  void anEnormousPageIsRefusedBeforeAnythingIsDrawn() throws Exception {
    assertThatThrownBy(() -> renderer.firstPage(Pdfs.enormousPage()))
        .isInstanceOf(PageRenderer.Unrenderable.class)
        .hasMessageContaining("100000.0 × 100000.0 points");
  }

  @Test
  void aRenderPastItsTimeIsGivenUpAndTheNextOneStillRuns() throws Exception {
    byte[] heavy = Pdfs.paper(60);
    try (PageRenderer hurried = new PageRenderer(320, Duration.ofMillis(1))) {
      assertThatThrownBy(() -> hurried.firstPage(heavy))
          .isInstanceOf(PageRenderer.Unrenderable.class)
          .hasMessageStartingWith("rendering took longer than");
    }
    assertThat(renderer.firstPage(heavy)).isNotEmpty();
  }

  private static long darkPixels(BufferedImage image) {
    long dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xff) < 128) {
          dark++;
        }
      }
    }
    return dark;
  }
}
