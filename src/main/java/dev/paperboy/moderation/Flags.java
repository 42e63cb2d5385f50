package dev.paperboy.moderation;

import dev.paperboy.account.Account;
import dev.paperboy.account.AccountSettings;
import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.curation.Votes;
import dev.paperboy.discussion.Comment;
import dev.paperboy.discussion.Comments;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.rules.Refusal;
import dev.paperboy.store.SqlValues;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Flags (docs/reliability.md VOTE-3): members old enough and with enough karma mark a listed paper
 * or a comment for the moderators, with a reason from a fixed list; never their own. Flags change
 * no count by themselves: moderators see them in the curator queue and act, and their actions are
 * logged.
 */
@Service
public class Flags {
  /** Why something is flagged. */
  public enum Reason {
    SPAM,
    OFF_TOPIC,
    ABUSE,
    DUPLICATE;

    static Reason of(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw Refusal.field(
            "reason", "A flag's reason is one of spam, off-topic, abuse, duplicate.");
      }
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** What is flagged, how often, and why. */
  public record Flagged(String targetType, String target, int flags, String reasons) {}

  private final JdbcClient jdbc;
  private final DailyLists lists;
  private final Comments comments;
  private final Votes votes;
  private final AccountSettings settings;
  private final Clock clock;

  Flags(
      JdbcClient jdbc,
      DailyLists lists,
      Comments comments,
      Votes votes,
      AccountSettings settings,
      Clock clock) {
    this.jdbc = jdbc;
    this.lists = lists;
    this.comments = comments;
    this.votes = votes;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Flags a listed paper ({@code type} "paper", target an arXiv id) or a comment ("comment", its
   * number). Flagging again changes nothing.
   *
   * @throws Refusal for an unknown type, target or reason, an own item, or a member without the
   *     standing to flag
   */
  public void flag(Account member, String type, String target, String reasonText) {
    member.requireActive();
    Reason reason = Reason.of(reasonText);
    String targetType;
    String key;
    Long owner;
    switch (type) {
      case "paper" -> {
        ArxivId id;
        try {
          id = ArxivId.parse(target);
        } catch (InvalidArxivId e) {
          throw Refusal.field("target", e.getMessage());
        }
        DailyEntry entry =
            lists
                .entryFor(id)
                .orElseThrow(
                    () ->
                        Refusal.of(
                            Refusal.Kind.NOT_FOUND, "arXiv " + id.base() + " is on no list."));
        targetType = "PAPER";
        key = id.base();
        owner = entry.submittedBy().id();
      }
      case "comment" -> {
        Comment comment;
        try {
          comment =
              comments
                  .find(Long.parseLong(target))
                  .orElseThrow(() -> Refusal.of(Refusal.Kind.NOT_FOUND, "No such comment."));
        } catch (NumberFormatException e) {
          throw Refusal.field("target", "A comment is named by its number.");
        }
        targetType = "COMMENT";
        key = Long.toString(comment.id());
        owner = comment.authorId();
      }
      default -> throw Refusal.field("type", "Flag a paper or a comment.");
    }
    if (Objects.equals(owner, member.id())) {
      throw Refusal.of(Refusal.Kind.FORBIDDEN, "You cannot flag your own " + type + ".");
    }
    if (member.youngerThan(settings.flagMinAge(), clock.instant())
        || !votes.hasKarma(member.id(), settings.flagMinKarma())) {
      throw Refusal.of(
          Refusal.Kind.FORBIDDEN,
          "Flagging needs an account at least "
              + settings.flagMinAge().toDays()
              + " days old whose submissions others have upvoted "
              + settings.flagMinKarma()
              + " times.");
    }
    jdbc.sql(
            """
            INSERT INTO flags (member_id, target_type, target, reason, created_at)
            VALUES (:member, :type, :target, :reason, :now)
            ON CONFLICT (member_id, target_type, target) DO NOTHING
            """)
        .param("member", member.id())
        .param("type", targetType)
        .param("target", key)
        .param("reason", reason.name())
        .param("now", SqlValues.text(clock.instant()))
        .update();
  }

  /** The most flagged targets first, with the distinct reasons given. */
  public List<Flagged> mostFlagged(int limit) {
    return jdbc
        .sql(
            """
            SELECT target_type, target, count(*) AS flags FROM flags
            GROUP BY target_type, target
            ORDER BY count(*) DESC, target_type, target
            LIMIT :limit
            """)
        .param("limit", limit)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .list()
        .stream()
        .map(
            row ->
                new Flagged(
                    row[0].toLowerCase(Locale.ROOT),
                    row[1],
                    Integer.parseInt(row[2]),
                    String.join(
                        ", ",
                        jdbc.sql(
                                """
                                SELECT DISTINCT reason FROM flags
                                WHERE target_type = :type AND target = :target ORDER BY reason
                                """)
                            .param("type", row[0])
                            .param("target", row[1])
                            .query((rs, n) -> Reason.valueOf(rs.getString(1)).label())
                            .list())))
        .toList();
  }
}
