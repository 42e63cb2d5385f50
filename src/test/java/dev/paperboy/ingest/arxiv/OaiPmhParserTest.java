package dev.paperboy.ingest.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OAI-PMH parser and adapter on recorded real arXiv responses and on hostile input. */
class OaiPmhParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "mikesaelim-arXivRaw-ListRecordsResponse.xml, 6, arXivRaw",
    "mikesaelim-arXivRaw-GetRecordResponse.xml, 1, arXivRaw",
    "invenio-sample_arxiv_response_listrecords_cs.xml, 46, arXiv",
    "invenio-sample_arxiv_response_listrecords_physics.xml, 150, arXiv",
    "invenio-sample_arxiv_response.xml, 1, arXiv",
    "invenio-sample_oai_dc_response.xml, 1, dc",
    "invenio-sample_arxiv_response_utf8.xml, 1, dc",
    "hepcrawl-arXiv-arxiv-physics-hep-ex.xml, 3, arXiv",
    "hepcrawl-arXiv-arxiv-physics-hep-th.xml, 3, arXiv",
    "hepcrawl-arXiv-arxiv-single.xml, 1, arXiv",
  })
  void everyRecordedPageParsesAndEveryRecordBecomesAPaper(String file, int records, String format)
      throws IOException {
    OaiPage page = parse(file);

    assertThat(page.errorCode()).isNull();
    assertThat(page.records()).hasSize(records);
    for (OaiRecord record : page.records()) {
      assertThat(record.format()).isEqualTo(format);
      Paper paper = OaiAdapter.toPaper(record);
      assertThat(paper.title()).as(record.identifier()).isNotBlank().doesNotContain("\n");
      assertThat(paper.authors()).as(record.identifier()).isNotEmpty();
      assertThat(paper.metadataDate()).isEqualTo(LocalDate.parse(record.datestamp()));
    }
  }

  @Test
  void aListRecordsPageCarriesItsResumptionToken() throws IOException {
    OaiPage page = parse("mikesaelim-arXivRaw-ListRecordsResponse.xml");

    assertThat(page.responseDate()).isEqualTo("2015-01-06T20:49:59Z");
    assertThat(page.resumptionToken()).isEqualTo("726959|1001");
    assertThat(page.completeListSize()).isEqualTo(58011L);
    assertThat(page.cursor()).isZero();
    assertThat(page.complete()).isFalse();
    assertThat(parse("invenio-sample_arxiv_response_listrecords_cs.xml").complete()).isTrue();
  }

  @Test
  void arXivRawKeepsTheVersionHistory() throws IOException {
    OaiRecord record = parse("mikesaelim-arXivRaw-ListRecordsResponse.xml").records().get(0);
    Paper paper = OaiAdapter.toPaper(record);

    assertThat(paper.id().base()).isEqualTo("0704.0471");
    assertThat(paper.submitter()).isEqualTo("Dinesh Shetty");
    assertThat(paper.authors()).containsExactly("D.V. Shetty", "S.J. Yennello", "G.A. Souliotis");
    assertThat(paper.categories()).containsExactly("nucl-ex", "nucl-th");
    assertThat(paper.versions().get(0))
        .isEqualTo(new PaperVersion(1, Instant.parse("2007-04-03T22:04:11Z")));
    assertThat(paper.abstractText()).contains("extremely \" stiff \" and \" soft \"");
    assertThat(record.sets()).containsExactly("physics:nucl-ex", "physics:nucl-th");
  }

  @Test
  void arXivFormatSplitsAuthorNames() throws IOException {
    OaiRecord record = parse("invenio-sample_arxiv_response_listrecords_cs.xml").records().get(0);
    Paper paper = OaiAdapter.toPaper(record);

    assertThat(paper.id().base()).isEqualTo("1101.4388");
    assertThat(paper.authors())
        .containsExactly("Guohui Song", "Haizhang Zhang", "Fred J. Hickernell");
    assertThat(paper.categories()).containsExactly("stat.ML", "cs.LG", "math.FA");
    assertThat(paper.license()).isEqualTo("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
    assertThat(paper.publishedAt()).isEqualTo(Instant.parse("2011-01-23T00:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "mikesaelim-arXivRaw-ErrorResponseBadResumptionToken.xml, badResumptionToken",
    "mikesaelim-arXivRaw-ErrorResponseNoRecordsMatch.xml, noRecordsMatch",
    "mikesaelim-arXivRaw-ErrorResponseBadArgument.xml, badArgument",
    "mikesaelim-arXivRaw-ErrorResponseBadVerb.xml, badVerb",
    "mikesaelim-arXivRaw-ErrorResponseIdDoesNotExist.xml, idDoesNotExist",
    "invenio-sample_empty_response.xml, noRecordsMatch",
  })
  void oaiErrorsAreReportedByCode(String file, String code) throws IOException {
    OaiPage page = parse(file);

    assertThat(page.errorCode()).isEqualTo(code);
    assertThat(page.records()).isEmpty();
  }

  @Test
  void xxeAndExternalDtdsFetchNothingAndAreRefused() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    stub.start();
    try {
      String base = "http://127.0.0.1:" + stub.getAddress().getPort();
      String[] attacks = {
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<OAI-PMH><responseDate>&x;</responseDate></OAI-PMH>",
        "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"" + base + "/evil.dtd\"><OAI-PMH/>",
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \""
            + base
            + "/p\"> %p;]><OAI-PMH/>",
        billionLaughs(),
      };
      for (String attack : attacks) {
        assertThatThrownBy(() -> OaiPmhParser.parse(bytes(attack)))
            .as(attack)
            .isInstanceOf(ArxivFormatException.class);
      }
      assertThat(requests.get()).isZero();
    } finally {
      stub.stop(0);
    }
  }

  @Test
  void brokenBodiesGiveATypedError() throws IOException {
    byte[] real = resource("mikesaelim-arXivRaw-ListRecordsResponse.xml");
    byte[] invalidUtf8 = Arrays.copyOf(real, real.length);
    invalidUtf8[600] = (byte) 0xC3;
    invalidUtf8[601] = (byte) 0x28;

    for (InputStream body :
        new InputStream[] {
          new ByteArrayInputStream(Arrays.copyOf(real, real.length / 2)),
          new ByteArrayInputStream(invalidUtf8),
          bytes(""),
          bytes("<html><body><h1>Access Denied</h1></body></html>"),
          bytes("{\"not\": \"xml\"}"),
        }) {
      assertThatThrownBy(() -> OaiPmhParser.parse(body)).isInstanceOf(ArxivFormatException.class);
    }
  }

  static String billionLaughs() {
    StringBuilder dtd =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        dtd.append("&lol").append(i == 1 ? "" : Integer.toString(i - 1)).append(';');
      }
      dtd.append("\">");
    }
    return dtd.append("]><OAI-PMH><responseDate>&lol9;</responseDate></OAI-PMH>").toString();
  }

  static OaiPage parse(String file) throws IOException {
    return OaiPmhParser.parse(new ByteArrayInputStream(resource(file)));
  }

  static byte[] resource(String file) throws IOException {
    try (InputStream in = OaiPmhParserTest.class.getResourceAsStream("/arxiv/oai-pmh/" + file)) {
      return in.readAllBytes();
    }
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
