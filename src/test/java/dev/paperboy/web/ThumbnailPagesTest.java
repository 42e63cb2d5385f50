package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paperboy.store.StoreSettings;
import dev.paperboy.support.Http;
import dev.paperboy.support.Site;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Thumbnails as the pages show them: the image once made, a placeholder until then. */
@Site
class ThumbnailPagesTest {
  @LocalServerPort int port;
  @Autowired StoreSettings store;

  @Test
  void aListedPapersCardAndPageShowItsThumbnailOnceMadeAndNoneBefore() throws Exception {
    assertThat(thumbs("/papers/date/2025-03-12", "article.card .thumb img"))
        .doesNotContain("/thumbnails/2310.04652.png");
    assertThat(thumbs("/papers/2310.04652", ".paper-thumb img")).isEmpty();

    write("2310.04652");

    // The list page, as sent to readers without a session, is kept a second.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(thumbs("/papers/date/2025-03-12", "article.card .thumb img"))
                    .contains("/thumbnails/2310.04652.png"));
    assertThat(thumbs("/papers/2310.04652", ".paper-thumb img"))
        .containsExactly("/thumbnails/2310.04652.png");
  }

  @Test
  void untilThereIsOneAPlaceholderIsKeptOnlyMinutes() {
    HttpResponse<String> answer = Http.get(port, "/thumbnails/2310.02970.png");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
    assertThat(answer.body()).contains("No preview of the first page yet");
  }

  @Test
  void aMadeThumbnailIsKeptAMonth() throws Exception {
    write("2306.12981");

    HttpResponse<String> answer = Http.get(port, "/thumbnails/2306.12981.png");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("max-age=2592000, public");
  }

  private List<String> thumbs(String page, String selector) {
    return Jsoup.parse(Http.get(port, page).body()).select(selector).eachAttr("src");
  }

  private void write(String id) throws Exception {
    Path folder = store.dataDir().resolve("thumbnails");
    Files.createDirectories(folder);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB), "png", png);
    Files.write(folder.resolve(id + ".png"), png.toByteArray());
  }
}
