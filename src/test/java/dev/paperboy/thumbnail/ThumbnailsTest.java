package dev.paperboy.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.account.Role;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.store.StoreSettings;
import dev.paperboy.support.ArxivState;
import dev.paperboy.support.ArxivStub;
import dev.paperboy.support.StubbedArxiv;
import dev.paperboy.support.TestPapers;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Thumbnails of listed papers against a loopback stand-in for arxiv.org serving real and broken
 * PDFs, through the real arXiv client and its politeness gate.
 */
@StubbedArxiv
class ThumbnailsTest {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final LocalDate LIST_DAY = LocalDate.of(2026, 11, 26);

  @Autowired Thumbnails thumbnails;
  @Autowired Papers papers;
  @Autowired DailyLists lists;
  @Autowired Accounts accounts;
  @Autowired StoreSettings store;
  @Autowired JdbcClient jdbc;

  private Account curator;

  @BeforeEach
  void reset() {
    ArxivState.reset(jdbc, Instant.parse("2026-11-26T22:00:00Z"));
    FileSystemUtils.deleteRecursively(folder().toFile());
    String name = "thumbcurator" + SEQUENCE.incrementAndGet();
    curator = accounts.add(name + "@example.org", name, Role.CURATOR, "a fine passphrase");
  }

  @Test
  void aRealPdfBecomesAnImageFetchedThroughTheGate() throws Exception {
    ArxivId id = list("2611.00101");
    StubbedArxiv.STUB.then(pdf(Pdfs.paper(40)));

    assertThat(thumbnails.round()).isOne();

    BufferedImage image = ImageIO.read(thumbnails.image(id).orElseThrow().toFile());
    assertThat(image.getWidth()).as("paperboy.thumbnails.width").isEqualTo(480);
    assertThat(StubbedArxiv.STUB.requests()).containsExactly("/pdf/2611.00101");
    assertThat(jdbc.sql("SELECT url FROM arxiv_requests").query(String.class).list())
        .as("the request went through the gate and is in its ledger")
        .containsExactly(StubbedArxiv.STUB.baseUrl().replace("/oai", "/pdf/2611.00101"));

    assertThat(thumbnails.round()).as("a made thumbnail is not fetched again").isZero();
    assertThat(StubbedArxiv.STUB.requests()).hasSize(1);
  }

  @Test
  void brokenAndHostilePdfsGetAFailureNoteAndTheNextPaperIsStillServed() throws Exception {
    Map<String, ArxivStub.Reply> bad = new LinkedHashMap<>();
    bad.put("not a readable PDF", pdf("%PDF-1.7\nnot really".getBytes(StandardCharsets.US_ASCII)));
    bad.put("the PDF is encrypted", pdf(Pdfs.encrypted()));
    bad.put("100000.0 × 100000.0 points", pdf(Pdfs.enormousPage()));
    bad.put("larger than 26214400 bytes", pdf(new byte[26 * 1024 * 1024 + 1]));
    bad.put("with HTTP 404", ArxivStub.Reply.status(404, null));
    int paper = 200;
    for (Map.Entry<String, ArxivStub.Reply> reply : bad.entrySet()) {
      ArxivId id = list("2611.00" + paper++);
      StubbedArxiv.STUB.then(reply.getValue());

      assertThat(thumbnails.round()).isZero();
      assertThat(thumbnails.image(id)).isEmpty();
      assertThat(Files.readString(folder().resolve(id.base() + ".failed")))
          .as("the note says why")
          .contains(reply.getKey());
    }

    ArxivId good = list("2611.00299");
    StubbedArxiv.STUB.then(pdf(Pdfs.paper(10)));
    assertThat(thumbnails.round()).as("the failed ones are left alone for a while").isOne();
    assertThat(thumbnails.image(good)).isPresent();
    assertThat(StubbedArxiv.STUB.requests()).hasSize(bad.size() + 1);
  }

  @Test
  void aSlowArxivIsTriedAgainNextRoundAndTheWorkerIsNotStuck() throws Exception {
    ArxivId id = list("2611.00301");
    // Longer than the read timeout (1 s here), twice: arXiv is unwell, the PDF not at fault.
    StubbedArxiv.STUB.then(pdf(Pdfs.paper(10)).delayed(3_000), pdf(Pdfs.paper(10)).delayed(3_000));

    assertThat(thumbnails.round()).isZero();
    assertThat(folder().resolve(id.base() + ".failed")).doesNotExist();

    StubbedArxiv.STUB.then(pdf(Pdfs.paper(10)));
    assertThat(thumbnails.round()).isOne();
    assertThat(thumbnails.image(id)).isPresent();
  }

  @Test
  void aDeletedThumbnailFolderIsMadeAgain() throws Exception {
    ArxivId id = list("2611.00401");
    StubbedArxiv.STUB.then(pdf(Pdfs.paper(10)), pdf(Pdfs.paper(10)));
    thumbnails.round();
    FileSystemUtils.deleteRecursively(folder().toFile());
    assertThat(thumbnails.image(id)).isEmpty();

    assertThat(thumbnails.round()).isOne();

    assertThat(thumbnails.image(id)).isPresent();
    assertThat(StubbedArxiv.STUB.requests()).hasSize(2);
  }

  private ArxivId list(String id) {
    ArxivId paper = ArxivId.parse(id);
    papers.upsertAll(List.of(TestPapers.aPaper(id).build()));
    lists.feature(paper, LIST_DAY, curator.member());
    return paper;
  }

  private Path folder() {
    return store.dataDir().resolve("thumbnails");
  }

  private static ArxivStub.Reply pdf(byte[] body) {
    return new ArxivStub.Reply(200, "application/pdf", body, null, 0);
  }
}
