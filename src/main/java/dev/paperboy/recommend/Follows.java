package dev.paperboy.recommend;

import dev.paperboy.account.Account;
import dev.paperboy.rules.Refusal;
import dev.paperboy.store.SqlValues;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What members follow; the only writer of the follows table. */
@Service
public class Follows {
  /** Enough for anyone's interests, and a bound on the work a recommendation does. */
  public static final int MAX_PER_MEMBER = 50;

  private static final Pattern CATEGORY = Pattern.compile("[a-z-]{2,16}(?:\\.[A-Za-z-]{2,8})?");
  private static final int TEXT_MAX = 100;

  private final JdbcClient jdbc;
  private final Clock clock;

  Follows(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<Follow> of(long memberId) {
    return jdbc.sql(
            "SELECT kind, value FROM follows WHERE member_id = :member ORDER BY kind, value")
        .param("member", memberId)
        .query((rs, n) -> new Follow(Follow.Kind.valueOf(rs.getString(1)), rs.getString(2)))
        .list();
  }

  /**
   * Follows a category ({@code cs.LG}), an author (a name as arXiv lists it) or a keyword; again
   * changes nothing.
   *
   * @throws Refusal for a malformed value or too many follows
   */
  public Follow add(Account member, String kindText, String valueText) {
    Follow.Kind kind;
    try {
      kind = Follow.Kind.of(kindText);
    } catch (IllegalArgumentException e) {
      throw Refusal.field("kind", "Follow a category, an author or a keyword.");
    }
    String value = valueText.strip().replaceAll("\\s+", " ");
    if (value.isEmpty()
        || value.length() > TEXT_MAX
        || value.chars().anyMatch(Character::isISOControl)) {
      throw Refusal.field("value", "Give 1 to " + TEXT_MAX + " characters to follow.");
    }
    if (kind == Follow.Kind.CATEGORY && !CATEGORY.matcher(value).matches()) {
      throw Refusal.field("value", "A category looks like cs.LG, stat.ML or hep-th.");
    }
    if (of(member.id()).size() >= MAX_PER_MEMBER) {
      throw Refusal.field("value", "You follow " + MAX_PER_MEMBER + " things already.");
    }
    jdbc.sql(
            """
            INSERT INTO follows (member_id, kind, value, created_at)
            VALUES (:member, :kind, :value, :now)
            ON CONFLICT (member_id, kind, value) DO NOTHING
            """)
        .param("member", member.id())
        .param("kind", kind.name())
        .param("value", value)
        .param("now", SqlValues.text(clock.instant()))
        .update();
    return new Follow(kind, value);
  }

  public void remove(Account member, String kindText, String value) {
    jdbc.sql("DELETE FROM follows WHERE member_id = :member AND kind = :kind AND value = :value")
        .param("member", member.id())
        .param("kind", kindText.strip().toUpperCase(Locale.ROOT))
        .param("value", value)
        .update();
  }
}
