package dev.paperboy.embedding;

import static dev.paperboy.store.SqlValues.requiredInstant;
import static dev.paperboy.store.SqlValues.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Vectors} in {@code paper_vectors}, with the job's position in {@code vector_progress}. */
@Repository
class JdbcVectors implements Vectors {
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  JdbcVectors(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  @Override
  public Map<String, float[]> of(Collection<String> ids) {
    Map<String, float[]> vectors = new HashMap<>();
    if (ids.isEmpty()) {
      return vectors;
    }
    jdbc.sql(
            """
            SELECT arxiv_id, vector FROM paper_vectors
            WHERE model = :model AND arxiv_id IN (:ids)
            """)
        .param("model", Embedder.MODEL)
        .param("ids", List.copyOf(ids))
        .query(
            rs -> {
              vectors.put(rs.getString("arxiv_id"), floats(rs.getBytes("vector")));
            });
    return vectors;
  }

  @Override
  public List<Computed> computedSince(Instant after, String afterId, Instant until, int limit) {
    return jdbc.sql(
            """
            SELECT arxiv_id, vector, computed_at FROM paper_vectors
            WHERE (computed_at > :after OR (computed_at = :after AND arxiv_id > :afterId))
              AND computed_at <= :until AND model = :model
            ORDER BY computed_at, arxiv_id
            LIMIT :limit
            """)
        .param("after", text(after))
        .param("afterId", afterId)
        .param("until", text(until))
        .param("model", Embedder.MODEL)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new Computed(
                    rs.getString("arxiv_id"),
                    floats(rs.getBytes("vector")),
                    requiredInstant(rs, "computed_at")))
        .list();
  }

  @Override
  public long count() {
    return jdbc.sql("SELECT count(*) FROM paper_vectors WHERE model = :model")
        .param("model", Embedder.MODEL)
        .query(Long.class)
        .single();
  }

  /** Where the job stands in the papers' change sequence. */
  record Position(Instant changedAt, String arxivId) {
    static final Position START = new Position(Instant.EPOCH, "");
  }

  Position position() {
    Optional<Position> stored =
        jdbc.sql("SELECT changed_at, arxiv_id FROM vector_progress WHERE model = :model")
            .param("model", Embedder.MODEL)
            .query(
                (rs, n) ->
                    new Position(requiredInstant(rs, "changed_at"), rs.getString("arxiv_id")))
            .optional();
    return stored.orElse(Position.START);
  }

  /** The text hashes of those of {@code ids} that have a vector. */
  Map<String, String> hashes(Collection<String> ids) {
    Map<String, String> hashes = new HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql(
              "SELECT arxiv_id, text_hash FROM paper_vectors WHERE model = :model AND arxiv_id IN (:ids)")
          .param("model", Embedder.MODEL)
          .param("ids", List.copyOf(ids))
          .query(
              rs -> {
                hashes.put(rs.getString("arxiv_id"), rs.getString("text_hash"));
              });
    }
    return hashes;
  }

  /** A vector to store: the paper, the hash of the text it came from, the vector. */
  record Fresh(String arxivId, String textHash, float[] vector) {}

  /**
   * Stores a batch and moves the position past it, in one transaction: after a kill either both
   * happened or neither, so no vector is lost and none is computed twice.
   */
  void save(List<Fresh> vectors, List<String> deleted, Position upTo, Instant now) {
    transaction.executeWithoutResult(
        tx -> {
          for (Fresh fresh : vectors) {
            jdbc.sql(
                    """
                    INSERT INTO paper_vectors (arxiv_id, model, text_hash, vector, computed_at)
                    VALUES (:id, :model, :hash, :vector, :now)
                    ON CONFLICT (arxiv_id) DO UPDATE SET
                      model = excluded.model, text_hash = excluded.text_hash,
                      vector = excluded.vector, computed_at = excluded.computed_at
                    """)
                .param("id", fresh.arxivId())
                .param("model", Embedder.MODEL)
                .param("hash", fresh.textHash())
                .param("vector", bytes(fresh.vector()))
                .param("now", text(now))
                .update();
          }
          if (!deleted.isEmpty()) {
            jdbc.sql("DELETE FROM paper_vectors WHERE arxiv_id IN (:ids)")
                .param("ids", deleted)
                .update();
          }
          jdbc.sql(
                  """
                  INSERT INTO vector_progress (model, changed_at, arxiv_id)
                  VALUES (:model, :at, :id)
                  ON CONFLICT (model) DO UPDATE SET
                    changed_at = excluded.changed_at, arxiv_id = excluded.arxiv_id
                  """)
              .param("model", Embedder.MODEL)
              .param("at", text(upTo.changedAt()))
              .param("id", upTo.arxivId())
              .update();
        });
  }

  /** Forgets every vector and the position: {@code reindex --vectors} computes them all again. */
  void clear() {
    transaction.executeWithoutResult(
        tx -> {
          jdbc.sql("DELETE FROM paper_vectors").update();
          jdbc.sql("DELETE FROM vector_progress").update();
        });
  }

  static byte[] bytes(float[] vector) {
    ByteBuffer buffer =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }

  static float[] floats(byte[] bytes) {
    float[] vector = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }
}
