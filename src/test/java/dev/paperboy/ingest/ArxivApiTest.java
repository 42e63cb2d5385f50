package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.support.ArxivState;
import dev.paperboy.support.ArxivStub;
import dev.paperboy.support.StubbedArxiv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Look-ups by id against a loopback stand-in for the arXiv API, replaying recorded answers. */
@StubbedArxiv
class ArxivApiTest {

  @Autowired ArxivApi api;
  @Autowired ArxivClient client;
  @Autowired Papers papers;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void reset() {
    ArxivState.reset(jdbc, Instant.parse("2026-11-26T22:00:00Z"));
  }

  @Test
  void fetchesAndStoresAPaperByIdAndSkipsUnknownOnes() throws Exception {
    // The recorded answer to a look-up of one unknown and one real id holds the real one only.
    StubbedArxiv.STUB.then(
        ArxivStub.Reply.xml(recorded("arxivpy-id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.xml")));

    Map<String, Paper> found =
        api.fetch(List.of(ArxivId.parse("0808.0539"), ArxivId.parse("arXiv:1707.08567v1")));

    assertThat(found).containsOnlyKeys("1707.08567");
    assertThat(StubbedArxiv.STUB.requests())
        .containsExactly("id_list=0808.0539,1707.08567&max_results=2");
    assertThat(papers.find(ArxivId.parse("1707.08567"))).contains(found.get("1707.08567"));
  }

  @Test
  void nothingOffTheConfiguredArxivHostsIsEverFetched() throws IOException {
    try (ArxivStub elsewhere = new ArxivStub()) {
      URI other = URI.create(elsewhere.baseUrl().replace("/oai", "/abs/2401.00001"));

      assertThatThrownBy(() -> client.get(other)).isInstanceOf(ArxivRefused.class);
      assertThatThrownBy(() -> client.get(URI.create("file:///etc/passwd")))
          .isInstanceOf(ArxivRefused.class);
      assertThat(elsewhere.requests()).isEmpty();
      assertThat(StubbedArxiv.STUB.requests()).isEmpty();
    }
  }

  @Test
  void aRedirectIsNotFollowed() {
    StubbedArxiv.STUB.then(new ArxivStub.Reply(302, "text/plain", new byte[0], null, 0));

    assertThatThrownBy(() -> api.fetch(List.of(ArxivId.parse("2401.00001"))))
        .isInstanceOf(ArxivRefused.class)
        .hasMessageContaining("302");
    assertThat(StubbedArxiv.STUB.requests()).hasSize(1);
  }

  @Test
  void aGzipBombIsStoppedAtTheCapAndNotRetried() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        gzip.write(zeros); // 64 MiB that compress to about 64 KiB
      }
    }
    StubbedArxiv.STUB.then(ArxivStub.Reply.gzipped("application/atom+xml", bomb.toByteArray()));

    assertThatThrownBy(() -> api.fetch(List.of(ArxivId.parse("2401.00001"))))
        .isInstanceOf(dev.paperboy.ingest.arxiv.ArxivFormatException.class)
        .hasMessageContaining("larger than 1048576 bytes");
    assertThat(StubbedArxiv.STUB.requests()).hasSize(1);
    assertThat(papers.count()).isZero();
  }

  private static String recorded(String file) throws IOException {
    try (InputStream in = ArxivApiTest.class.getResourceAsStream("/arxiv/arxiv-api/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
