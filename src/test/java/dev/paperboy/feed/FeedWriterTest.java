package dev.paperboy.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedWriterTest {

  @Test
  void cleanRemovesWhatXmlCannotCarryAndKeepsTheRest() {
    assertThat(FeedWriter.clean("a\u0000b\u0001c\u000Bd\u000Ce\u001Ff")).isEqualTo("abcdef");
    assertThat(FeedWriter.clean("lone \uD800 high, lone \uDC00 low"))
        .isEqualTo("lone  high, lone  low");
    assertThat(FeedWriter.clean("pair \uD83D\uDE42 kept, tab\tand\nnewline"))
        .isEqualTo("pair \uD83D\uDE42 kept, tab\tand\nnewline");
    assertThat(FeedWriter.clean("\uFFFE\uFFFF")).isEmpty();
  }

  @Test
  void aHugeAbstractIsCutAndTheFeedStaysSmall() throws Exception {
    FeedItem item =
        new FeedItem(
            "2401.00001",
            "t",
            "https://x/p",
            "a".repeat(1_000_000),
            List.of("A"),
            List.of("cs.LG"),
            Instant.EPOCH);

    String xml =
        FeedWriter.write(
            FeedWriter.Format.RSS,
            "T",
            "https://x",
            "https://x/f",
            "d",
            List.of(item),
            Instant.EPOCH);

    assertThat(xml.length()).isLessThan(10_000);
    assertThat(FeedsTest.texts(FeedsTest.strict(xml), "item", "title")).containsExactly("t");
  }

  @Test
  void anAbstractCutWhereAnEmojiBeginsKeepsTheEmojiWholeOrNotAtAll() throws Exception {
    // The cut falls between the two halves of U+1F642: a lone half is not XML.
    String summary = "a".repeat(FeedWriter.MAX_SUMMARY - 1) + "\uD83D\uDE42 and more";
    FeedItem item =
        new FeedItem(
            "2401.00001",
            "t",
            "https://x/p",
            summary,
            List.of("A"),
            List.of("cs.LG"),
            Instant.EPOCH);

    for (FeedWriter.Format format : FeedWriter.Format.values()) {
      String xml =
          FeedWriter.write(
              format, "T", "https://x", "https://x/f", "d", List.of(item), Instant.EPOCH);
      String entry = format == FeedWriter.Format.RSS ? "item" : "entry";
      String field = format == FeedWriter.Format.RSS ? "description" : "summary";
      String written = FeedsTest.texts(FeedsTest.strict(xml), entry, field).get(0);
      assertThat(written).startsWith("a".repeat(FeedWriter.MAX_SUMMARY - 1)).endsWith(" …");
      assertThat(written.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
    }
  }
}
