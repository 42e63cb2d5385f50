package dev.paperboy.author;

import dev.paperboy.account.Account;
import dev.paperboy.account.Accounts;
import dev.paperboy.artifact.Artifact;
import dev.paperboy.artifact.Artifacts;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.paper.TexAccents;
import dev.paperboy.rules.Refusal;
import dev.paperboy.store.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorship claims: a member says they are one of a paper's authors, a curator approves or refuses
 * (through moderation, which logs it), the member may retract. Nobody claims for someone else: a
 * claim is always the claimant's own, one live claim per member and paper, and an author name whose
 * claim was approved for one member cannot be claimed by another. The only reader and writer of
 * {@code authorship_claims}.
 */
@Service
public class Claims {
  /** Claims waiting for a curator, per member: enough for a prolific author's backlog. */
  static final int MAX_PENDING = 50;

  private final JdbcClient jdbc;
  private final Papers papers;
  private final Accounts accounts;
  private final Clock clock;

  Claims(JdbcClient jdbc, Papers papers, Accounts accounts, Clock clock) {
    this.jdbc = jdbc;
    this.papers = papers;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** What a curator sees beside a claim, to judge it by. */
  public record Evidence(
      Claim claim,
      String paperTitle,
      @Nullable String verifiedDomain,
      boolean domainInPaper,
      boolean nameMatches) {}

  /**
   * @throws Refusal FORBIDDEN for a member who is banned or has not confirmed their address;
   *     NOT_FOUND for a paper Paperboy does not hold; INVALID for a name that is not one of the
   *     paper's authors, a second live claim on the paper, an author already claimed by someone
   *     else, a malformed ORCID iD, or too many claims waiting
   */
  @Transactional
  public Claim claim(Account member, ArxivId paperId, String authorName, @Nullable String orcid) {
    member.requireActive();
    if (!member.verified()) {
      throw Refusal.of(
          Refusal.Kind.FORBIDDEN, "Confirm your email address before claiming a paper.");
    }
    Paper paper =
        papers
            .find(paperId)
            .orElseThrow(
                () ->
                    Refusal.of(
                        Refusal.Kind.NOT_FOUND, "Paperboy has no paper " + paperId.base() + "."));
    String author =
        paper.authors().stream()
            .map(TexAccents::decode)
            .filter(a -> Names.fold(a).equals(Names.fold(authorName)))
            .findFirst()
            .orElseThrow(() -> Refusal.field("author", "Choose one of the paper's authors."));
    String iD = Orcid.parse(orcid);
    if (mine(member.id(), paperId).isPresent()) {
      throw Refusal.field(
          "author", "You have claimed this paper already; retract that claim first.");
    }
    boolean taken =
        approved(paperId).stream()
            .anyMatch(c -> Names.fold(c.authorName()).equals(Names.fold(author)));
    if (taken) {
      throw Refusal.field(
          "author", author + " is already a member here; ask a curator if that is wrong.");
    }
    int waiting =
        jdbc.sql(
                "SELECT count(*) FROM authorship_claims WHERE member_id = :member AND state = 'PENDING'")
            .param("member", member.id())
            .query(Integer.class)
            .single();
    if (waiting >= MAX_PENDING) {
      throw Refusal.field(
          "author", "You have " + MAX_PENDING + " claims waiting; wait for a curator.");
    }
    jdbc.sql(
            """
            INSERT INTO authorship_claims (member_id, arxiv_id, author_name, orcid, state, created_at)
            VALUES (:member, :paper, :author, :orcid, 'PENDING', :now)
            """)
        .param("member", member.id())
        .param("paper", paperId.base())
        .param("author", author)
        .param("orcid", iD)
        .param("now", SqlValues.text(clock.instant()))
        .update();
    return mine(member.id(), paperId).orElseThrow();
  }

  /** Takes back the member's own live claim; someone else's claim is answered as unknown. */
  @Transactional
  public Claim retract(Account member, long claimId) {
    Claim claim =
        find(claimId)
            .filter(c -> c.memberId() == member.id() && c.live())
            .orElseThrow(
                () -> Refusal.of(Refusal.Kind.NOT_FOUND, "You have no claim " + claimId + "."));
    setState(claimId, Claim.State.RETRACTED, member.id());
    return find(claim.id()).orElseThrow();
  }

  /**
   * Approves or refuses a waiting claim; moderation checks the decider's role and logs it.
   *
   * @throws Refusal FORBIDDEN when the decider is the claimant; NOT_FOUND for no waiting claim
   */
  @Transactional
  public Claim decide(Account decider, long claimId, boolean approve) {
    Claim claim =
        find(claimId)
            .filter(c -> c.state() == Claim.State.PENDING)
            .orElseThrow(
                () -> Refusal.of(Refusal.Kind.NOT_FOUND, "No claim " + claimId + " is waiting."));
    if (claim.memberId() == decider.id()) {
      throw Refusal.of(Refusal.Kind.FORBIDDEN, "Another curator must decide your own claim.");
    }
    if (approve
        && approved(claim.paper()).stream()
            .anyMatch(c -> Names.fold(c.authorName()).equals(Names.fold(claim.authorName())))) {
      throw Refusal.of(
          Refusal.Kind.INVALID, claim.authorName() + " is already claimed by another member.");
    }
    setState(claimId, approve ? Claim.State.APPROVED : Claim.State.REFUSED, decider.id());
    return find(claimId).orElseThrow();
  }

  public Optional<Claim> find(long id) {
    return jdbc.sql(
            """
            SELECT id, member_id, arxiv_id, author_name, orcid, state, created_at
            FROM authorship_claims WHERE id = :id
            """)
        .param("id", id)
        .query(Claims::row)
        .optional()
        .map(this::named);
  }

  /** The member's live claim on the paper, if any. */
  public Optional<Claim> mine(long memberId, ArxivId paper) {
    return jdbc.sql(
            """
            SELECT id, member_id, arxiv_id, author_name, orcid, state, created_at
            FROM authorship_claims
            WHERE member_id = :member AND arxiv_id = :paper AND state IN ('PENDING', 'APPROVED')
            """)
        .param("member", memberId)
        .param("paper", paper.base())
        .query(Claims::row)
        .optional()
        .map(this::named);
  }

  /** The paper's approved authors on Paperboy. */
  public List<Claim> approved(ArxivId paper) {
    return jdbc
        .sql(
            """
            SELECT id, member_id, arxiv_id, author_name, orcid, state, created_at
            FROM authorship_claims
            WHERE arxiv_id = :paper AND state = 'APPROVED' ORDER BY id
            """)
        .param("paper", paper.base())
        .query(Claims::row)
        .list()
        .stream()
        .map(this::named)
        .toList();
  }

  /** The papers the member is an approved author of, most recently claimed first. */
  public List<Claim> approvedOf(long memberId, int limit) {
    return jdbc
        .sql(
            """
            SELECT id, member_id, arxiv_id, author_name, orcid, state, created_at
            FROM authorship_claims
            WHERE member_id = :member AND state = 'APPROVED' ORDER BY id DESC LIMIT :limit
            """)
        .param("member", memberId)
        .param("limit", limit)
        .query(Claims::row)
        .list()
        .stream()
        .map(this::named)
        .toList();
  }

  /** Claims waiting for a curator, oldest first, each with what speaks for it. */
  public List<Evidence> pending(int limit) {
    List<Claim> waiting =
        jdbc
            .sql(
                """
                SELECT id, member_id, arxiv_id, author_name, orcid, state, created_at
                FROM authorship_claims
                WHERE state = 'PENDING' ORDER BY created_at, id LIMIT :limit
                """)
            .param("limit", limit)
            .query(Claims::row)
            .list()
            .stream()
            .map(this::named)
            .toList();
    return waiting.stream().map(this::evidence).toList();
  }

  private Evidence evidence(Claim claim) {
    Optional<Account> member = accounts.byId(claim.memberId());
    Paper paper = papers.find(claim.paper()).orElse(null);
    String domain =
        member
            .filter(Account::verified)
            .map(Account::email)
            .map(email -> email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT))
            .orElse(null);
    boolean inPaper = domain != null && paper != null && mentions(paper, domain);
    boolean name =
        member
            .map(m -> Names.fold(m.displayName()).equals(Names.fold(claim.authorName())))
            .orElse(false);
    return new Evidence(
        claim, paper == null ? claim.paper().base() : paper.title(), domain, inPaper, name);
  }

  /**
   * Whether the paper names the address's organisation: its domain, or the domain's last two labels
   * ({@code cs.stanford.edu} counts for {@code stanford.edu}), in the abstract, the comments or a
   * link.
   */
  private static boolean mentions(Paper paper, String domain) {
    String[] labels = domain.split("\\.");
    String organisation =
        labels.length > 2 ? labels[labels.length - 2] + "." + labels[labels.length - 1] : domain;
    StringBuilder text = new StringBuilder(paper.abstractText()).append(' ');
    if (paper.comments() != null) {
      text.append(paper.comments()).append(' ');
    }
    Artifacts.of(paper).links().stream()
        .map(Artifact::url)
        .forEach(u -> text.append(u).append(' '));
    String haystack = text.toString().toLowerCase(Locale.ROOT);
    return haystack.contains(domain) || haystack.contains(organisation);
  }

  private void setState(long id, Claim.State state, long by) {
    jdbc.sql(
            "UPDATE authorship_claims SET state = :state, decided_at = :now, decided_by = :by WHERE id = :id")
        .param("id", id)
        .param("state", state.name())
        .param("now", SqlValues.text(clock.instant()))
        .param("by", by)
        .update();
  }

  /** Usernames come from the account module: a row names its member by id. */
  private Claim named(Claim row) {
    String username = accounts.byId(row.memberId()).map(Account::username).orElse("[deleted]");
    return new Claim(
        row.id(),
        row.memberId(),
        username,
        row.paper(),
        row.authorName(),
        row.orcid(),
        row.state(),
        row.createdAt());
  }

  private static Claim row(ResultSet rs, int row) throws SQLException {
    return new Claim(
        rs.getLong("id"),
        rs.getLong("member_id"),
        "",
        ArxivId.parse(rs.getString("arxiv_id")),
        rs.getString("author_name"),
        rs.getString("orcid"),
        Claim.State.valueOf(rs.getString("state")),
        SqlValues.requiredInstant(rs, "created_at"));
  }
}
