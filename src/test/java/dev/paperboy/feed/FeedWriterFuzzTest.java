package dev.paperboy.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.w3c.dom.Document;

/**
 * docs/reliability.md ING-6 and API-3 for what Paperboy writes: whatever a title, an abstract, a
 * name or a category holds, the feed writer never throws, and both formats come out well-formed
 * (read back by a strict parser) with one entry per item up to the cap and each title as cleaned.
 * Regression mode over the seeds next to this class in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
@Tag("fuzz")
class FeedWriterFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void feeds(FuzzedDataProvider data) throws Exception {
    String feedTitle = data.consumeString(200);
    List<FeedItem> items = new ArrayList<>();
    int count = data.consumeInt(0, FeedWriter.MAX_ITEMS + 2);
    for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
      items.add(
          new FeedItem(
              "2401." + i,
              data.consumeString(300),
              "https://paperboy.example/papers/" + data.consumeString(40),
              data.consumeString(FeedWriter.MAX_SUMMARY + 50),
              List.of(data.consumeString(80), data.consumeString(80)),
              List.of(data.consumeString(20)),
              Instant.ofEpochSecond(data.consumeLong(0, 253_402_300_799L))));
    }
    for (FeedWriter.Format format : FeedWriter.Format.values()) {
      String xml =
          FeedWriter.write(
              format,
              feedTitle,
              "https://paperboy.example/",
              "https://paperboy.example/feed",
              data.consumeString(100),
              items,
              Instant.EPOCH);

      Document read = FeedsTest.strict(xml);
      String entry = format == FeedWriter.Format.RSS ? "item" : "entry";
      List<String> titles = FeedsTest.texts(read, entry, "title");
      assertThat(titles).hasSize(Math.min(items.size(), FeedWriter.MAX_ITEMS));
      for (int i = 0; i < titles.size(); i++) {
        assertThat(comparable(titles.get(i))).isEqualTo(comparable(items.get(i).title()));
      }
    }
  }

  /** A title as XML gives it back: cleaned, line ends normalised, outer white space trimmed. */
  private static String comparable(String title) {
    return FeedWriter.clean(title)
        .replace("\r\n", "\n")
        .replace('\r', '\n')
        .replaceAll("^[ \t\n]+|[ \t\n]+$", "");
  }
}
