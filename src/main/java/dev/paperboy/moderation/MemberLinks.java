package dev.paperboy.moderation;

import dev.paperboy.account.Account;
import dev.paperboy.account.AccountSettings;
import dev.paperboy.artifact.Artifact;
import dev.paperboy.artifact.Artifacts;
import dev.paperboy.author.Claims;
import dev.paperboy.curation.Votes;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Papers;
import dev.paperboy.rules.Refusal;
import dev.paperboy.store.SqlValues;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links members add to a paper's code, models, data and project pages. Only members with standing
 * add one: the paper's approved authors, curators, and members who may flag (an old enough account
 * whose submissions others upvoted enough). A link must be an http(s) address on a host Paperboy
 * knows (the hosts the finder reads from papers' text); {@code javascript:} and any other host are
 * refused. Each addition and removal is a row in the public moderation log; the adder or a curator
 * removes one. The only reader and writer of {@code member_links}.
 */
@Service
public class MemberLinks {
  /** Enough for a paper's code, weights, data, demo and page, several times over. */
  static final int MAX_PER_PAPER = 20;

  private final JdbcClient jdbc;
  private final Papers papers;
  private final Claims claims;
  private final Votes votes;
  private final AccountSettings settings;
  private final Moderation moderation;
  private final Clock clock;

  MemberLinks(
      JdbcClient jdbc,
      Papers papers,
      Claims claims,
      Votes votes,
      AccountSettings settings,
      Moderation moderation,
      Clock clock) {
    this.jdbc = jdbc;
    this.papers = papers;
    this.claims = claims;
    this.votes = votes;
    this.settings = settings;
    this.moderation = moderation;
    this.clock = clock;
  }

  /** A link a member added, and who. */
  public record Link(long id, String addedBy, long addedById, Artifact artifact) {}

  /** The paper's links added by members, oldest first. */
  public List<Link> of(ArxivId paper) {
    return jdbc
        .sql(
            """
            SELECT id, member_id, kind, url, name FROM member_links
            WHERE arxiv_id = :paper AND removed_at IS NULL ORDER BY id
            """)
        .param("paper", paper.base())
        .query(
            (rs, n) ->
                new Link(
                    rs.getLong("id"),
                    "",
                    rs.getLong("member_id"),
                    new Artifact(
                        Artifact.Kind.valueOf(rs.getString("kind")),
                        rs.getString("url"),
                        rs.getString("name"))))
        .list()
        .stream()
        .map(
            link ->
                new Link(
                    link.id(),
                    moderation.username(link.addedById()),
                    link.addedById(),
                    link.artifact()))
        .toList();
  }

  /**
   * @throws Refusal FORBIDDEN without standing; INVALID for an address that is not a known host's
   *     http(s) link, one the paper already has, or past {@value #MAX_PER_PAPER}; NOT_FOUND for a
   *     paper Paperboy does not hold
   */
  @Transactional
  public Link add(Account member, ArxivId paper, String url) {
    member.requireActive();
    var held =
        papers
            .find(paper)
            .orElseThrow(
                () ->
                    Refusal.of(
                        Refusal.Kind.NOT_FOUND, "Paperboy has no paper " + paper.base() + "."));
    if (!hasStanding(member, paper)) {
      throw Refusal.of(
          Refusal.Kind.FORBIDDEN,
          "Adding links needs standing: be an approved author of the paper, or have an account "
              + settings.flagMinAge().toDays()
              + " days old whose submissions others have upvoted "
              + settings.flagMinKarma()
              + " times.");
    }
    Artifact link =
        Artifacts.typed(url)
            .orElseThrow(
                () ->
                    Refusal.field(
                        "url",
                        "Paperboy links to code on GitHub, GitLab, Codeberg, Bitbucket and"
                            + " SourceForge, to Hugging Face models, datasets and Spaces, and to"
                            + " project pages on github.io or gitlab.io: give an https:// address"
                            + " there."));
    List<Link> existing = of(paper);
    boolean known =
        Artifacts.of(held).links().stream().anyMatch(a -> same(a, link))
            || existing.stream().anyMatch(l -> same(l.artifact(), link));
    if (known) {
      throw Refusal.field("url", "The paper already links to " + link.name() + ".");
    }
    if (existing.size() >= MAX_PER_PAPER) {
      throw Refusal.field("url", "A paper has at most " + MAX_PER_PAPER + " added links.");
    }
    jdbc.sql(
            """
            INSERT INTO member_links (arxiv_id, member_id, kind, url, name, created_at)
            VALUES (:paper, :member, :kind, :url, :name, :now)
            """)
        .param("paper", paper.base())
        .param("member", member.id())
        .param("kind", link.kind().name())
        .param("url", link.url())
        .param("name", link.name())
        .param("now", SqlValues.text(clock.instant()))
        .update();
    moderation.record(member, "add link", link.url() + " on " + paper.base(), "added by a member");
    List<Link> now = of(paper);
    return now.get(now.size() - 1);
  }

  /**
   * Removes a link: its adder or a curator; a curator gives a reason for the log. Answers the
   * paper's id.
   */
  @Transactional
  public String remove(Account member, long linkId, String reason) {
    member.requireActive();
    record Row(String paper, long memberId, String url) {}
    Row row =
        jdbc.sql(
                "SELECT arxiv_id, member_id, url FROM member_links WHERE id = :id AND removed_at IS NULL")
            .param("id", linkId)
            .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3)))
            .optional()
            .orElseThrow(() -> Refusal.of(Refusal.Kind.NOT_FOUND, "No link " + linkId + "."));
    boolean own = row.memberId() == member.id();
    if (!own && !member.curates()) {
      throw Refusal.of(Refusal.Kind.FORBIDDEN, "Only who added a link, or a curator, removes it.");
    }
    String why = reason.strip();
    if (!own && why.isEmpty()) {
      throw Refusal.field("reason", "Give a reason: it is shown in the public moderation log.");
    }
    jdbc.sql("UPDATE member_links SET removed_at = :now, removed_by = :by WHERE id = :id")
        .param("id", linkId)
        .param("now", SqlValues.text(clock.instant()))
        .param("by", member.id())
        .update();
    moderation.record(
        member,
        "remove link",
        row.url() + " on " + row.paper(),
        why.isEmpty() ? "removed by who added it" : why);
    return row.paper();
  }

  /** Whether the member may add links to the paper. */
  public boolean hasStanding(Account member, ArxivId paper) {
    if (member.banned()) {
      return false;
    }
    return member.curates()
        || claims.approved(paper).stream().anyMatch(c -> c.memberId() == member.id())
        || (!member.youngerThan(settings.flagMinAge(), clock.instant())
            && votes.hasKarma(member.id(), settings.flagMinKarma()));
  }

  private static boolean same(Artifact a, Artifact b) {
    return a.kind() == b.kind()
        && a.name().toLowerCase(Locale.ROOT).equals(b.name().toLowerCase(Locale.ROOT));
  }
}
