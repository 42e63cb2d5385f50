package dev.paperboy.account;

import static dev.paperboy.store.SqlValues.requiredInstant;

import dev.paperboy.store.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMembers implements Members {
  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcMembers(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<Member> findByUsername(String username) {
    return jdbc.sql(
            """
            SELECT id, username, display_name, role, created_at FROM members
            WHERE username = :username
            """)
        .param("username", username)
        .query(JdbcMembers::member)
        .optional();
  }

  @Override
  public Map<Long, Member> findAll(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql(
            """
            SELECT id, username, display_name, role, created_at FROM members
            WHERE id IN (:ids)
            """)
        .param("ids", ids.stream().distinct().toList())
        .query(JdbcMembers::member)
        .list()
        .stream()
        .collect(Collectors.toMap(Member::id, Function.identity()));
  }

  @Override
  public boolean holdIfActive(long memberId) {
    // A write takes the row lock on PostgreSQL (and the writer on SQLite) as a ban does; the read
    // after it sees a ban that committed first.
    jdbc.sql("UPDATE members SET role = role WHERE id = :member")
        .param("member", memberId)
        .update();
    return jdbc.sql("SELECT count(*) FROM members WHERE id = :member AND banned_at IS NULL")
            .param("member", memberId)
            .query(Integer.class)
            .single()
        == 1;
  }

  @Override
  public Member ensure(String username, String displayName, Role role) {
    jdbc.sql(
            """
            INSERT INTO members (username, display_name, role, created_at)
            VALUES (:username, :displayName, :role, :now)
            ON CONFLICT (username) DO NOTHING
            """)
        .param("username", username)
        .param("displayName", displayName)
        .param("role", role.name())
        .param("now", SqlValues.text(clock.instant()))
        .update();
    return findByUsername(username).orElseThrow();
  }

  private static Member member(ResultSet rs, int row) throws SQLException {
    return new Member(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        Role.valueOf(rs.getString("role")),
        requiredInstant(rs, "created_at"));
  }
}
