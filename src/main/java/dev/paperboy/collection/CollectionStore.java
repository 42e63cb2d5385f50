package dev.paperboy.collection;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.store.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only reader and writer of {@code collections} and {@code collection_papers}. */
@Repository
class CollectionStore {
  private static final String COLUMNS =
      """
      c.id, c.member_id, c.name, c.visibility, c.kind, c.created_at, c.updated_at,
      (SELECT count(*) FROM collection_papers p WHERE p.collection_id = c.id) AS papers
      """;

  private final JdbcClient jdbc;

  CollectionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Collection> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM collections c WHERE c.id = :id")
        .param("id", id)
        .query(CollectionStore::collection)
        .optional();
  }

  /** The member's collections: the reading list first, then by name. */
  List<Collection> of(long memberId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                FROM collections c
                WHERE c.member_id = :member
                ORDER BY CASE c.kind WHEN 'READING_LIST' THEN 0 ELSE 1 END, lower(c.name), c.id
                """)
        .param("member", memberId)
        .query(CollectionStore::collection)
        .list();
  }

  Optional<Collection> readingList(long memberId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM collections c WHERE c.member_id = :member AND c.kind = 'READING_LIST'")
        .param("member", memberId)
        .query(CollectionStore::collection)
        .optional();
  }

  boolean nameTaken(long memberId, String name, long exceptId) {
    return jdbc.sql(
                """
            SELECT count(*) FROM collections
            WHERE member_id = :member AND lower(name) = lower(:name) AND id <> :except
            """)
            .param("member", memberId)
            .param("name", name)
            .param("except", exceptId)
            .query(Integer.class)
            .single()
        > 0;
  }

  int count(long memberId) {
    return jdbc.sql("SELECT count(*) FROM collections WHERE member_id = :member")
        .param("member", memberId)
        .query(Integer.class)
        .single();
  }

  /**
   * Makes the collection; a reading list that another request made first is the one answered (the
   * unique index on a member's reading list decides the race).
   */
  long insert(long memberId, String name, boolean isPublic, boolean readingList, Instant now) {
    String at = SqlValues.text(now);
    jdbc.sql(
            """
            INSERT INTO collections (member_id, name, visibility, kind, created_at, updated_at)
            VALUES (:member, :name, :visibility, :kind, :now, :now)
            ON CONFLICT DO NOTHING
            """)
        .param("member", memberId)
        .param("name", name)
        .param("visibility", isPublic ? "PUBLIC" : "PRIVATE")
        .param("kind", readingList ? "READING_LIST" : "NAMED")
        .param("now", at)
        .update();
    return jdbc.sql(
            """
            SELECT id FROM collections WHERE member_id = :member AND lower(name) = lower(:name)
            """)
        .param("member", memberId)
        .param("name", name)
        .query(Long.class)
        .single();
  }

  void update(long id, String name, boolean isPublic, Instant now) {
    jdbc.sql(
            """
            UPDATE collections SET name = :name, visibility = :visibility, updated_at = :now
            WHERE id = :id
            """)
        .param("id", id)
        .param("name", name)
        .param("visibility", isPublic ? "PUBLIC" : "PRIVATE")
        .param("now", SqlValues.text(now))
        .update();
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM collection_papers WHERE collection_id = :id").param("id", id).update();
    jdbc.sql("DELETE FROM collections WHERE id = :id").param("id", id).update();
  }

  /** Whether the paper was new to the collection. */
  boolean add(long id, ArxivId paper, Instant now) {
    boolean added =
        jdbc.sql(
                    """
                INSERT INTO collection_papers (collection_id, arxiv_id, added_at)
                VALUES (:id, :paper, :now)
                ON CONFLICT (collection_id, arxiv_id) DO NOTHING
                """)
                .param("id", id)
                .param("paper", paper.base())
                .param("now", SqlValues.text(now))
                .update()
            == 1;
    touch(id, now);
    return added;
  }

  boolean remove(long id, ArxivId paper, Instant now) {
    boolean removed =
        jdbc.sql("DELETE FROM collection_papers WHERE collection_id = :id AND arxiv_id = :paper")
                .param("id", id)
                .param("paper", paper.base())
                .update()
            == 1;
    touch(id, now);
    return removed;
  }

  private void touch(long id, Instant now) {
    jdbc.sql("UPDATE collections SET updated_at = :now WHERE id = :id")
        .param("id", id)
        .param("now", SqlValues.text(now))
        .update();
  }

  /** The collection's papers, most recently saved first. */
  List<SavedPaper> papers(long id, int offset, int limit) {
    return jdbc.sql(
            """
            SELECT arxiv_id, added_at FROM collection_papers
            WHERE collection_id = :id
            ORDER BY added_at DESC, arxiv_id
            LIMIT :limit OFFSET :offset
            """)
        .param("id", id)
        .param("limit", limit)
        .param("offset", offset)
        .query(
            (rs, n) ->
                new SavedPaper(
                    ArxivId.parse(rs.getString(1)), SqlValues.requiredInstant(rs, "added_at")))
        .list();
  }

  /** The papers in the member's reading list. */
  Set<String> inReadingList(long memberId) {
    return new HashSet<>(
        jdbc.sql(
                """
                SELECT p.arxiv_id FROM collection_papers p
                JOIN collections c ON c.id = p.collection_id
                WHERE c.member_id = :member AND c.kind = 'READING_LIST'
                """)
            .param("member", memberId)
            .query(String.class)
            .list());
  }

  /** The ids of the member's collections that hold the paper. */
  Set<Long> holding(long memberId, ArxivId paper) {
    return new TreeSet<>(
        jdbc.sql(
                """
                SELECT c.id FROM collections c
                JOIN collection_papers p ON p.collection_id = c.id
                WHERE c.member_id = :member AND p.arxiv_id = :paper
                """)
            .param("member", memberId)
            .param("paper", paper.base())
            .query(Long.class)
            .list());
  }

  /** Every paper the member saved anywhere, most recently saved first. */
  List<ArxivId> savedBy(long memberId, int limit) {
    return jdbc.sql(
            """
            SELECT p.arxiv_id, max(p.added_at) AS added FROM collection_papers p
            JOIN collections c ON c.id = p.collection_id
            WHERE c.member_id = :member
            GROUP BY p.arxiv_id
            ORDER BY added DESC, p.arxiv_id
            LIMIT :limit
            """)
        .param("member", memberId)
        .param("limit", limit)
        .query((rs, n) -> ArxivId.parse(rs.getString(1)))
        .list();
  }

  private static Collection collection(ResultSet rs, int row) throws SQLException {
    return new Collection(
        rs.getLong("id"),
        rs.getLong("member_id"),
        rs.getString("name"),
        "PUBLIC".equals(rs.getString("visibility")),
        "READING_LIST".equals(rs.getString("kind")),
        SqlValues.requiredInstant(rs, "created_at"),
        SqlValues.requiredInstant(rs, "updated_at"),
        rs.getInt("papers"));
  }
}
