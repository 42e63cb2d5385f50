package dev.paperboy.search.lucene;

import static dev.paperboy.support.TestPapers.aPaper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.paper.ChangedPaper;
import dev.paperboy.search.SearchQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/reliability.md DATA-5: a damaged or missing index is started afresh, never trusted. */
class LuceneIndexTest {
  @TempDir Path dir;

  @Test
  void anIntactIndexKeepsItsDocumentsAndPositionAcrossRestarts() throws IOException {
    Instant at = Instant.parse("2026-11-27T06:00:00Z");
    try (LuceneIndex index = LuceneIndex.open(dir)) {
      assertThat(index.fresh()).isTrue();
      index.apply(
          List.of(new ChangedPaper(aPaper("2401.00001").build(), at, null)),
          new LuceneIndex.Position(at, "2401.00001"));
    }
    try (LuceneIndex index = LuceneIndex.open(dir)) {
      assertThat(index.fresh()).isFalse();
      assertThat(index.documents()).isEqualTo(1);
      assertThat(index.position()).isEqualTo(new LuceneIndex.Position(at, "2401.00001"));
    }
  }

  @Test
  void anIndexWrittenWithAnotherDocumentLayoutIsRebuilt() throws IOException {
    try (org.apache.lucene.store.Directory directory =
            org.apache.lucene.store.FSDirectory.open(dir);
        org.apache.lucene.index.IndexWriter writer =
            new org.apache.lucene.index.IndexWriter(
                directory, new org.apache.lucene.index.IndexWriterConfig())) {
      writer.addDocument(PaperFields.document(aPaper("2401.00001").build(), null));
      writer.setLiveCommitData(Map.of("paperboy.schema", "2").entrySet());
      writer.commit();
    }

    try (LuceneIndex index = LuceneIndex.open(dir)) {
      assertThat(index.fresh()).isTrue();
      assertThat(index.documents()).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"delete", "truncate"})
  void aDamagedSegmentMakesTheIndexStartAfresh(String damage) throws IOException {
    Instant at = Instant.parse("2026-11-27T06:00:00Z");
    try (LuceneIndex index = LuceneIndex.open(dir)) {
      index.apply(
          List.of(new ChangedPaper(aPaper("2401.00001").build(), at, null)),
          new LuceneIndex.Position(at, "2401.00001"));
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file :
          files
              .filter(
                  f ->
                      !f.getFileName().toString().startsWith("segments")
                          && !f.getFileName().toString().equals("write.lock"))
              .toList()) {
        if (damage.equals("delete")) {
          Files.delete(file);
        } else {
          Files.write(file, new byte[] {1, 2, 3});
        }
      }
    }

    try (LuceneIndex index = LuceneIndex.open(dir)) {
      assertThat(index.fresh()).isTrue();
      assertThat(index.documents()).isZero();
      assertThat(index.position()).isNull();
      assertThat(index.search(SearchQuery.of("paper", 5)).total()).isZero();
    }
  }
}
