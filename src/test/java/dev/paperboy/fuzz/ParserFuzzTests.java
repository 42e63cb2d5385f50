package dev.paperboy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.paperboy.discussion.CommentRenderer;
import dev.paperboy.ingest.arxiv.ArxivAtomParser;
import dev.paperboy.ingest.arxiv.ArxivFormatException;
import dev.paperboy.ingest.arxiv.ArxivRssParser;
import dev.paperboy.ingest.arxiv.AtomEntry;
import dev.paperboy.ingest.arxiv.InvalidRecord;
import dev.paperboy.ingest.arxiv.ListingItem;
import dev.paperboy.ingest.arxiv.OaiAdapter;
import dev.paperboy.ingest.arxiv.OaiPage;
import dev.paperboy.ingest.arxiv.OaiPmhParser;
import dev.paperboy.ingest.arxiv.OaiRecord;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.rules.Refusal;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Tag;

/**
 * docs/reliability.md ING-6: every parser throws only its declared exception, whatever the input.
 * In the normal build these run as regression tests over the seed corpora next to this class (real
 * recorded pages, XXE and bomb samples, and every crash ever found); with {@code JAZZER_FUZZ=1}
 * they fuzz (see the README's "Fuzzing").
 */
@Tag("fuzz")
class ParserFuzzTests {

  @FuzzTest(maxDuration = "60s")
  void arxivIds(FuzzedDataProvider data) {
    String input = data.consumeRemainingAsString();
    try {
      ArxivId id = ArxivId.parse(input);
      assertThat(ArxivId.parse(id.toString())).isEqualTo(id);
    } catch (InvalidArxivId expected) {
      // the declared refusal
    }
  }

  @FuzzTest(maxDuration = "60s")
  void oaiPmhPages(byte[] input) {
    try {
      OaiPage page = OaiPmhParser.parse(new ByteArrayInputStream(input));
      for (OaiRecord record : page.records()) {
        try {
          if (!record.deleted()) {
            OaiAdapter.toPaper(record);
          }
        } catch (InvalidRecord expected) {
          // a record the adapter refuses, with its reason
        }
      }
    } catch (ArxivFormatException expected) {
      // the declared refusal
    }
  }

  @FuzzTest(maxDuration = "60s")
  void atomAnswers(byte[] input) {
    try {
      for (AtomEntry entry : ArxivAtomParser.parse(new ByteArrayInputStream(input)).papers()) {
        try {
          ArxivAtomParser.toPaper(entry);
        } catch (InvalidRecord expected) {
          // refused with a reason
        }
      }
    } catch (ArxivFormatException expected) {
      // the declared refusal
    }
  }

  @FuzzTest(maxDuration = "60s")
  void listingFeeds(byte[] input) {
    try {
      for (ListingItem item : ArxivRssParser.parse(new ByteArrayInputStream(input)).items()) {
        try {
          ArxivRssParser.id(item);
        } catch (InvalidRecord expected) {
          // refused with a reason
        }
      }
    } catch (ArxivFormatException expected) {
      // the declared refusal
    }
  }

  /**
   * docs/reliability.md VOTE-5: the comment renderer refuses with its declared refusal or returns
   * HTML with no script, no event handler and no link other than http(s).
   */
  @FuzzTest(maxDuration = "60s")
  void commentMarkdown(FuzzedDataProvider data) {
    String input = data.consumeRemainingAsString();
    try {
      String html = CommentRenderer.render(input);
      org.jsoup.nodes.Document dom = org.jsoup.Jsoup.parseBodyFragment(html);
      assertThat(dom.select("script, img, svg, iframe, object, style")).isEmpty();
      for (org.jsoup.nodes.Element element : dom.getAllElements()) {
        assertThat(element.attributes().asList())
            .noneMatch(attribute -> attribute.getKey().toLowerCase().startsWith("on"));
      }
      for (org.jsoup.nodes.Element link : dom.select("a[href]")) {
        assertThat(link.attr("href")).matches("(?i)https?://.*");
      }
    } catch (Refusal expected) {
      // the declared refusal: empty, too long, too deeply nested
    }
  }
}
