package dev.paperboy.discussion;

import static dev.paperboy.store.SqlValues.instant;
import static dev.paperboy.store.SqlValues.requiredInstant;

import dev.paperboy.account.Account;
import dev.paperboy.account.AccountEvents;
import dev.paperboy.account.AccountSettings;
import dev.paperboy.account.Member;
import dev.paperboy.account.Members;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.rules.Limits;
import dev.paperboy.rules.RateLimits;
import dev.paperboy.rules.Refusal;
import dev.paperboy.store.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Comments on papers. Every change recounts the paper's visible comments in its transaction. */
@Service
public class Comments {
  /** A top-level comment and its replies, oldest first. */
  public record Thread(Comment comment, List<Comment> replies) {}

  private final JdbcClient jdbc;
  private final Papers papers;
  private final Members members;
  private final RateLimits rateLimits;
  private final Limits limits;
  private final AccountSettings accounts;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Comments(
      JdbcClient jdbc,
      Papers papers,
      Members members,
      RateLimits rateLimits,
      Limits limits,
      AccountSettings accounts,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.papers = papers;
    this.members = members;
    this.rateLimits = rateLimits;
    this.limits = limits;
    this.accounts = accounts;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Adds a comment, or a reply when {@code parentId} names one; a reply to a reply joins its
   * top-level comment (threads are one level deep).
   *
   * @throws Refusal for a member who may not comment, bad text, an unknown paper or parent, or the
   *     comment limit
   */
  public Comment add(Account member, ArxivId paper, @Nullable Long parentId, String markdown) {
    member.requireActive();
    String html = CommentRenderer.render(markdown);
    String arxivId =
        papers
            .find(paper)
            .orElseThrow(
                () -> Refusal.of(Refusal.Kind.NOT_FOUND, "Paperboy has no paper " + paper.base()))
            .id()
            .base();
    Long parent = parentId == null ? null : topLevel(parentId, arxivId);
    rateLimits.take(
        limits.comment(member.youngerThan(accounts.newMemberAge(), clock.instant())),
        "comment:" + member.id());
    long id =
        transactions.execute(
            tx -> {
              jdbc.sql(
                      """
                      INSERT INTO comments
                          (arxiv_id, member_id, parent_id, body_markdown, body_html, created_at)
                      VALUES (:paper, :member, :parent, :markdown, :html, :now)
                      """)
                  .param("paper", arxivId)
                  .param("member", member.id())
                  .param("parent", parent, Types.BIGINT)
                  .param("markdown", markdown)
                  .param("html", html)
                  .param("now", SqlValues.text(clock.instant()))
                  .update();
              long created =
                  jdbc.sql(
                          """
                          SELECT max(id) FROM comments WHERE arxiv_id = :paper AND member_id = :member
                          """)
                      .param("paper", arxivId)
                      .param("member", member.id())
                      .query(Long.class)
                      .single();
              recount(arxivId);
              return created;
            });
    return find(id).orElseThrow();
  }

  /** Replaces the text of the member's own comment. */
  public Comment edit(Account member, long id, String markdown) {
    member.requireActive();
    Comment comment = own(member, id);
    String html = CommentRenderer.render(markdown);
    jdbc.sql(
            """
            UPDATE comments SET body_markdown = :markdown, body_html = :html, edited_at = :now
            WHERE id = :id AND deleted_at IS NULL
            """)
        .param("markdown", markdown)
        .param("html", html)
        .param("now", SqlValues.text(clock.instant()))
        .param("id", comment.id())
        .update();
    return find(id).orElseThrow();
  }

  /** Deletes the member's own comment: its text goes, its place (and replies) stay. */
  public Comment delete(Account member, long id) {
    Comment comment = own(member, id);
    transactions.executeWithoutResult(
        tx -> {
          blank(List.of(comment.id()));
          recount(comment.arxivId());
        });
    return comment;
  }

  /** Hides a comment from everyone (a moderator's action; the moderation feature logs it). */
  public Comment hide(long id) {
    Comment comment =
        find(id).orElseThrow(() -> Refusal.of(Refusal.Kind.NOT_FOUND, "No comment " + id + "."));
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql("UPDATE comments SET hidden_at = :now WHERE id = :id AND hidden_at IS NULL")
              .param("now", SqlValues.text(clock.instant()))
              .param("id", id)
              .update();
          recount(comment.arxivId());
        });
    return comment;
  }

  public Optional<Comment> find(long id) {
    return withAuthors(
            jdbc.sql(
                    """
                    SELECT id, arxiv_id, parent_id, member_id, body_markdown, body_html,
                           created_at, edited_at, deleted_at, hidden_at
                    FROM comments WHERE id = :id
                    """)
                .param("id", id)
                .query(Comments::comment)
                .list())
        .stream()
        .findFirst();
  }

  /** The paper's discussion: top-level comments oldest first, each with its replies. */
  public List<Thread> discussion(ArxivId paper) {
    List<Comment> all =
        withAuthors(
            jdbc.sql(
                    """
                    SELECT id, arxiv_id, parent_id, member_id, body_markdown, body_html,
                           created_at, edited_at, deleted_at, hidden_at
                    FROM comments WHERE arxiv_id = :paper
                    ORDER BY created_at, id
                    """)
                .param("paper", paper.base())
                .query(Comments::comment)
                .list());
    Map<Long, List<Comment>> replies = new LinkedHashMap<>();
    List<Comment> top = new ArrayList<>();
    for (Comment comment : all) {
      if (comment.parentId() == null) {
        top.add(comment);
      } else {
        replies.computeIfAbsent(comment.parentId(), k -> new ArrayList<>()).add(comment);
      }
    }
    return top.stream()
        .map(comment -> new Thread(comment, replies.getOrDefault(comment.id(), List.of())))
        .filter(thread -> thread.comment().visible() || !thread.replies().isEmpty())
        .toList();
  }

  /** The member's visible comments, newest first. */
  public List<Comment> byMember(long memberId, int limit) {
    return withAuthors(
        jdbc.sql(
                """
                SELECT id, arxiv_id, parent_id, member_id, body_markdown, body_html,
                       created_at, edited_at, deleted_at, hidden_at
                FROM comments
                WHERE member_id = :member AND deleted_at IS NULL AND hidden_at IS NULL
                ORDER BY created_at DESC, id DESC
                LIMIT :limit
                """)
            .param("member", memberId)
            .param("limit", limit)
            .query(Comments::comment)
            .list());
  }

  /** The comments with their authors' usernames, read from account's members in one call. */
  private List<Comment> withAuthors(List<Comment> comments) {
    Collection<Long> ids =
        comments.stream().map(Comment::authorId).filter(Objects::nonNull).toList();
    Map<Long, Member> authors = members.findAll(ids);
    return comments.stream()
        .map(
            comment -> {
              Member author = comment.authorId() == null ? null : authors.get(comment.authorId());
              return author == null ? comment : comment.byAuthor(author.username());
            })
        .toList();
  }

  /** A closing account's comments lose their text; the rows stay so replies keep their place. */
  @EventListener
  void onClosing(AccountEvents.Closing event) {
    List<Map.Entry<Long, String>> rows =
        jdbc.sql("SELECT id, arxiv_id FROM comments WHERE member_id = :member")
            .param("member", event.memberId())
            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
            .list();
    blank(rows.stream().map(Map.Entry::getKey).toList());
    rows.stream().map(Map.Entry::getValue).distinct().forEach(this::recount);
  }

  private void blank(List<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            UPDATE comments SET body_markdown = '', body_html = '',
                deleted_at = coalesce(deleted_at, :now)
            WHERE id IN (:ids)
            """)
        .param("now", SqlValues.text(clock.instant()))
        .param("ids", ids)
        .update();
  }

  private Comment own(Account member, long id) {
    Comment comment =
        find(id).orElseThrow(() -> Refusal.of(Refusal.Kind.NOT_FOUND, "No comment " + id + "."));
    if (comment.authorId() == null || comment.authorId() != member.id()) {
      throw Refusal.of(Refusal.Kind.FORBIDDEN, "Only its author can change a comment.");
    }
    if (!comment.visible()) {
      throw Refusal.of(Refusal.Kind.GONE, "That comment was deleted or hidden.");
    }
    return comment;
  }

  private long topLevel(long parentId, String arxivId) {
    Comment parent =
        find(parentId)
            .filter(c -> c.arxivId().equals(arxivId))
            .orElseThrow(
                () ->
                    Refusal.field("parent", "There is no such comment on this paper to reply to."));
    return parent.parentId() == null ? parent.id() : parent.parentId();
  }

  private void recount(String arxivId) {
    int count =
        jdbc.sql(
                """
                SELECT count(*) FROM comments
                WHERE arxiv_id = :paper AND deleted_at IS NULL AND hidden_at IS NULL
                """)
            .param("paper", arxivId)
            .query(Integer.class)
            .single();
    events.publishEvent(new DiscussionEvents.CommentsCounted(arxivId, count));
  }

  private static Comment comment(ResultSet rs, int n) throws SQLException {
    long parent = rs.getLong("parent_id");
    Long parentId = rs.wasNull() ? null : parent;
    long author = rs.getLong("member_id");
    Long authorId = rs.wasNull() ? null : author;
    boolean deleted = rs.getObject("deleted_at") != null;
    boolean hidden = rs.getObject("hidden_at") != null;
    boolean visible = !deleted && !hidden;
    return new Comment(
        rs.getLong("id"),
        rs.getString("arxiv_id"),
        parentId,
        authorId,
        null,
        visible ? rs.getString("body_markdown") : "",
        visible ? rs.getString("body_html") : "",
        requiredInstant(rs, "created_at"),
        instant(rs, "edited_at"),
        deleted,
        hidden);
  }
}
