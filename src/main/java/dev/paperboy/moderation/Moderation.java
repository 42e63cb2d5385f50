package dev.paperboy.moderation;

import static dev.paperboy.store.SqlValues.requiredInstant;

import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.author.Claim;
import dev.paperboy.author.Claims;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.curation.Submissions;
import dev.paperboy.discussion.Comment;
import dev.paperboy.discussion.Comments;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.rules.Refusal;
import dev.paperboy.store.SqlValues;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What curators and admins do to lists, comments and members. Each action and its log row commit
 * together; there are no actions without a row, and no way to change a row (the tables' triggers
 * refuse updates and deletes).
 */
@Service
public class Moderation {
  private static final int REASON_MAX = 500;

  private final JdbcClient jdbc;
  private final DailyLists lists;
  private final Submissions submissions;
  private final Comments comments;
  private final Accounts accounts;
  private final Claims claims;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Moderation(
      JdbcClient jdbc,
      DailyLists lists,
      Submissions submissions,
      Comments comments,
      Accounts accounts,
      Claims claims,
      TransactionTemplate transactions,
      Clock clock) {
    this.claims = claims;
    this.jdbc = jdbc;
    this.lists = lists;
    this.submissions = submissions;
    this.comments = comments;
    this.accounts = accounts;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Features a paper on today's list, fetching it from arXiv if need be; age is no bar here. */
  public Submissions.Outcome feature(Account curator, String paper) {
    curator.requireCurator();
    return logged(
        curator,
        "feature",
        () -> "paper " + ArxivId.parse(paper).base(),
        "",
        () -> submissions.submit(curator, paper));
  }

  public void pin(Account curator, String paper, boolean pinned) {
    curator.requireCurator();
    ArxivId id = id(paper);
    logged(
        curator,
        pinned ? "pin" : "unpin",
        () -> "paper " + id.base(),
        "",
        () -> onList(lists.pin(id, pinned), id));
  }

  /** Takes a paper off its day. */
  public void remove(Account curator, String paper, String reason) {
    curator.requireCurator();
    ArxivId id = id(paper);
    logged(
        curator,
        "remove from list",
        () -> "paper " + id.base(),
        reason(reason),
        () -> onList(lists.remove(id), id));
  }

  /** Hides a paper's entry from every list. */
  public void hidePaper(Account moderator, String paper, String reason) {
    moderator.requireCurator();
    ArxivId id = id(paper);
    logged(
        moderator,
        "hide paper",
        () -> "paper " + id.base(),
        reason(reason),
        () -> onList(lists.hide(id), id));
  }

  public void hideComment(Account moderator, long commentId, String reason) {
    moderator.requireCurator();
    String why = reason(reason);
    Comment comment =
        comments
            .find(commentId)
            .orElseThrow(() -> Refusal.of(Refusal.Kind.NOT_FOUND, "No comment " + commentId));
    logged(
        moderator,
        "hide comment",
        () -> "comment " + commentId + " by " + comment.author() + " on " + comment.arxivId(),
        why,
        () -> comments.hide(commentId));
  }

  /** Bans a member: their votes stop counting, and they can no longer act. */
  public void ban(Account moderator, String username, String reason) {
    moderator.requireCurator();
    String why = reason(reason);
    Account member = member(username);
    if (member.id() == moderator.id()) {
      throw Refusal.of(Refusal.Kind.INVALID, "You cannot ban yourself.");
    }
    logged(
        moderator,
        "ban",
        () -> "member " + member.username(),
        why,
        () -> {
          accounts.ban(member.id(), moderator.username(), why);
          return null;
        });
  }

  public void unban(Account moderator, String username, String reason) {
    moderator.requireCurator();
    Account member = member(username);
    logged(
        moderator,
        "unban",
        () -> "member " + member.username(),
        reason(reason),
        () -> {
          accounts.unban(member.id());
          return null;
        });
  }

  /**
   * Approves or refuses an authorship claim. A refusal needs a reason; an approval may go without
   * one. The claimant never decides their own claim, curator or not.
   */
  public Claim decideClaim(
      Account curator, long claimId, boolean approve, @Nullable String reason) {
    curator.requireCurator();
    String why =
        approve && (reason == null || reason.isBlank()) ? "evidence checked" : reason(reason);
    Claim claim =
        claims
            .find(claimId)
            .orElseThrow(() -> Refusal.of(Refusal.Kind.NOT_FOUND, "No claim " + claimId + "."));
    return logged(
        curator,
        approve ? "approve claim" : "refuse claim",
        () ->
            "claim "
                + claimId
                + ": "
                + claim.username()
                + " as "
                + claim.authorName()
                + " on "
                + claim.paper().base(),
        why,
        () -> claims.decide(curator, claimId, approve));
  }

  /** The log, newest first. */
  public List<LogEntry> log(int offset, int limit) {
    return jdbc.sql(
            """
            SELECT id, moderator, action, target, reason, created_at FROM moderation_log
            ORDER BY id DESC LIMIT :limit OFFSET :offset
            """)
        .param("limit", limit)
        .param("offset", offset)
        .query(
            (rs, n) ->
                new LogEntry(
                    rs.getLong("id"),
                    rs.getString("moderator"),
                    rs.getString("action"),
                    rs.getString("target"),
                    rs.getString("reason"),
                    requiredInstant(rs, "created_at")))
        .list();
  }

  /** A member's username, for showing who did something; "[deleted]" once they are gone. */
  String username(long memberId) {
    return accounts.byId(memberId).map(Account::username).orElse("[deleted]");
  }

  /** A row in the log for an action another part of moderation took, in its transaction. */
  void record(Account actor, String action, String target, String reason) {
    logged(actor, action, () -> target, reason, () -> null);
  }

  private <T> T logged(
      Account moderator,
      String action,
      Supplier<String> target,
      String reason,
      Supplier<@Nullable T> act) {
    return transactions.execute(
        tx -> {
          T result = act.get();
          jdbc.sql(
                  """
                  INSERT INTO moderation_log
                      (moderator_id, moderator, action, target, reason, created_at)
                  VALUES (:id, :name, :action, :target, :reason, :now)
                  """)
              .param("id", moderator.id())
              .param("name", moderator.username())
              .param("action", action)
              .param("target", target.get())
              .param("reason", reason)
              .param("now", SqlValues.text(clock.instant()))
              .update();
          return result;
        });
  }

  private static @Nullable Void onList(boolean changed, ArxivId id) {
    if (!changed) {
      throw Refusal.of(Refusal.Kind.NOT_FOUND, "arXiv " + id.base() + " is on no list.");
    }
    return null;
  }

  private Account member(String username) {
    return accounts
        .byUsername(username.strip())
        .orElseThrow(() -> Refusal.field("username", "No member is called " + username + "."));
  }

  private static ArxivId id(String paper) {
    try {
      return ArxivId.parse(paper);
    } catch (InvalidArxivId e) {
      throw Refusal.field("paper_id", e.getMessage());
    }
  }

  private static String reason(@Nullable String reason) {
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      throw Refusal.field("reason", "Give a reason: it is shown in the public moderation log.");
    }
    if (text.length() > REASON_MAX) {
      throw Refusal.field("reason", "Keep the reason under " + REASON_MAX + " characters.");
    }
    return text;
  }
}
