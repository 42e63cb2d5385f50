package dev.paperboy.recommend;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.store.SqlValues;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' libraries: papers brought from elsewhere to seed "For you"; the only reader and writer
 * of {@code library_papers}. A library entry is not an upvote: nothing else reads it.
 */
@Repository
public class Library {
  /** A large personal library; also what one import may add. */
  public static final int MAX_PER_MEMBER = 2_000;

  private final JdbcClient jdbc;
  private final Clock clock;

  Library(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The member's library, most recently added first. */
  public List<ArxivId> of(long memberId, int limit) {
    return jdbc.sql(
            """
            SELECT arxiv_id FROM library_papers
            WHERE member_id = :member
            ORDER BY added_at DESC, arxiv_id
            LIMIT :limit
            """)
        .param("member", memberId)
        .param("limit", limit)
        .query((rs, n) -> ArxivId.parse(rs.getString(1)))
        .list();
  }

  public int count(long memberId) {
    return jdbc.sql("SELECT count(*) FROM library_papers WHERE member_id = :member")
        .param("member", memberId)
        .query(Integer.class)
        .single();
  }

  /**
   * Adds papers in one transaction, none twice, and answers how many were new: all of them or, when
   * the library would grow past {@link #MAX_PER_MEMBER}, none.
   *
   * @throws LibraryFull when the library would hold more than {@link #MAX_PER_MEMBER}
   */
  @Transactional
  public int add(long memberId, Collection<ArxivId> ids) {
    String now = SqlValues.text(clock.instant());
    int added = 0;
    for (String id : ids.stream().map(ArxivId::base).distinct().toList()) {
      added +=
          jdbc.sql(
                  """
                  INSERT INTO library_papers (member_id, arxiv_id, added_at)
                  VALUES (:member, :id, :now)
                  ON CONFLICT (member_id, arxiv_id) DO NOTHING
                  """)
              .param("member", memberId)
              .param("id", id)
              .param("now", now)
              .update();
    }
    if (count(memberId) > MAX_PER_MEMBER) {
      throw new LibraryFull(); // rolls the whole import back
    }
    return added;
  }

  public void clear(long memberId) {
    jdbc.sql("DELETE FROM library_papers WHERE member_id = :member")
        .param("member", memberId)
        .update();
  }

  /** Thrown inside the transaction so that a library that would overflow keeps what it had. */
  public static final class LibraryFull extends RuntimeException {
    LibraryFull() {
      super("a library holds at most " + MAX_PER_MEMBER + " papers", null, false, false);
    }
  }
}
