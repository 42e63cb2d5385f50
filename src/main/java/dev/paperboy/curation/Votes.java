package dev.paperboy.curation;

import dev.paperboy.account.Account;
import dev.paperboy.account.AccountEvents;
import dev.paperboy.account.AccountSettings;
import dev.paperboy.account.Members;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.rules.Limits;
import dev.paperboy.rules.RateLimits;
import dev.paperboy.rules.Refusal;
import dev.paperboy.store.Engine;
import dev.paperboy.store.SqlValues;
import dev.paperboy.store.StoreSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Upvotes: one per member and paper on a list (docs/reliability.md VOTE-1..4). A vote is a row; the
 * entry's count moves with the rows in the same transaction, under the entry's row lock, so repeats
 * are idempotent, concurrent votes are never lost, and stored equals recomputed. A row's {@code
 * counted} says whether it counts: weight 1 and a voter who is not banned, kept by the ban event.
 */
@Service
public class Votes {
  private static final long QUARTER_HOUR_SECONDS = 900;

  /** An upvote's outcome: the paper's count after it, and whether the member's vote stands. */
  public record Tally(int upvotes, boolean upvoted) {}

  private final JdbcClient jdbc;
  private final JdbcDailyEntries entries;
  private final DailyLists lists;
  private final Members members;
  private final RateLimits rateLimits;
  private final Limits limits;
  private final AccountSettings accounts;
  private final TransactionTemplate transactions;
  private final Clock clock;

  /** The quarter hour since the epoch that {@code created_at} falls in, in the engine's SQL. */
  private final String quarterHour;

  Votes(
      JdbcClient jdbc,
      JdbcDailyEntries entries,
      DailyLists lists,
      Members members,
      RateLimits rateLimits,
      Limits limits,
      AccountSettings accounts,
      TransactionTemplate transactions,
      StoreSettings store,
      Clock clock) {
    this.jdbc = jdbc;
    this.entries = entries;
    this.lists = lists;
    this.members = members;
    this.rateLimits = rateLimits;
    this.limits = limits;
    this.accounts = accounts;
    this.transactions = transactions;
    this.clock = clock;
    // SQLite holds instants as ISO-8601 text, PostgreSQL as timestamptz.
    this.quarterHour =
        store.engine() == Engine.POSTGRESQL
            ? "CAST(floor(extract(epoch FROM created_at) / 900) AS BIGINT)"
            : "CAST(strftime('%s', created_at) AS INTEGER) / 900";
  }

  /**
   * Upvotes the paper; a second upvote changes nothing. Votes of members younger than the
   * configured voting age are kept with weight 0: they show as the member's own but do not count. A
   * curator's count at once: the site's operator made them one.
   *
   * @throws Refusal when the member may not vote, the limit is reached, or the paper is on no list
   */
  public Tally upvote(Account member, ArxivId id) {
    member.requireActive();
    int weight =
        !member.curates() && member.youngerThan(accounts.voteWeightAge(), clock.instant()) ? 0 : 1;
    return change(
        member,
        id,
        paper -> {
          int added =
              jdbc.sql(
                      """
                      INSERT INTO votes (member_id, arxiv_id, weight, counted, created_at)
                      VALUES (:member, :paper, :weight, :weight, :now)
                      ON CONFLICT (member_id, arxiv_id) DO NOTHING
                      """)
                  .param("member", member.id())
                  .param("paper", paper)
                  .param("weight", weight)
                  .param("now", SqlValues.text(clock.instant()))
                  .update();
          return added * weight;
        },
        true);
  }

  /** Takes the member's upvote back; doing so twice changes nothing. */
  public Tally remove(Account member, ArxivId id) {
    member.requireActive();
    return change(
        member,
        id,
        paper -> {
          // Under the member's lock no other change to this vote can come in between.
          int counted =
              jdbc.sql("SELECT counted FROM votes WHERE member_id = :member AND arxiv_id = :paper")
                  .param("member", member.id())
                  .param("paper", paper)
                  .query(Integer.class)
                  .optional()
                  .orElse(0);
          int removed =
              jdbc.sql("DELETE FROM votes WHERE member_id = :member AND arxiv_id = :paper")
                  .param("member", member.id())
                  .param("paper", paper)
                  .update();
          return -removed * counted;
        },
        false);
  }

  /** Of those papers, the ones the member has upvoted (by base id). */
  public Set<String> upvotedBy(long memberId, Collection<ArxivId> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return jdbc
        .sql("SELECT arxiv_id FROM votes WHERE member_id = :member AND arxiv_id IN (:ids)")
        .param("member", memberId)
        .param("ids", ids.stream().map(ArxivId::base).distinct().toList())
        .query(String.class)
        .list()
        .stream()
        .collect(Collectors.toSet());
  }

  /**
   * How many counted upvotes the paper had on each day in {@code zone}: the paper page's history.
   * The database counts them per quarter hour (UTC), which folds into days in any zone in use today
   * (every offset is a whole number of quarter hours, Kathmandu's +05:45 included), so a paper with
   * thousands of votes sends back a few rows a day, not one a vote.
   */
  public SortedMap<LocalDate, Long> countedVotesPerDay(ArxivId id, ZoneId zone) {
    SortedMap<LocalDate, Long> perDay = new TreeMap<>();
    jdbc.sql(
            """
            SELECT %s AS quarter, count(*) AS votes FROM votes
            WHERE arxiv_id = :paper AND counted = 1
            GROUP BY quarter
            """
                .formatted(quarterHour))
        .param("paper", id.base())
        .query(
            (RowCallbackHandler)
                rs -> {
                  Instant quarter =
                      Instant.ofEpochSecond(rs.getLong("quarter") * QUARTER_HOUR_SECONDS);
                  perDay.merge(quarter.atZone(zone).toLocalDate(), rs.getLong("votes"), Long::sum);
                });
    return perDay;
  }

  /** The papers the member upvoted, newest vote first. */
  public List<String> upvotedPapers(long memberId, int limit) {
    return jdbc.sql(
            """
            SELECT arxiv_id FROM votes WHERE member_id = :member
            ORDER BY created_at DESC, arxiv_id LIMIT :limit
            """)
        .param("member", memberId)
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /**
   * Counted upvotes others gave the member's submissions: the member's karma. Self-votes and banned
   * members' votes do not count.
   */
  public int karma(long memberId) {
    return karmaUpTo(memberId, Integer.MAX_VALUE);
  }

  /**
   * Whether the member's karma is at least {@code atLeast}: counts no further than that, so a
   * prolific submitter's standing costs as little as a newcomer's.
   */
  public boolean hasKarma(long memberId, int atLeast) {
    return atLeast <= 0 || karmaUpTo(memberId, atLeast) >= atLeast;
  }

  /** The member's karma, or {@code cap} if it is more. */
  private int karmaUpTo(long memberId, int cap) {
    return jdbc.sql(
            """
            SELECT count(*) FROM (
              SELECT 1 FROM votes
              JOIN daily_entries ON daily_entries.arxiv_id = votes.arxiv_id
              WHERE daily_entries.submitted_by = :member AND votes.member_id <> :member
                AND votes.counted = 1
              LIMIT :cap
            ) AS counted
            """)
        .param("member", memberId)
        .param("cap", cap)
        .query(Integer.class)
        .single();
  }

  private Tally change(Account member, ArxivId id, ToIntFunction<String> write, boolean up) {
    String paper = id.base();
    Tally tally =
        transactions.execute(
            tx -> {
              // The member's row first, then the entry's, as a ban takes them: a vote and a ban of
              // the same member run one after the other. A ban that came first refuses the vote; a
              // later one finds the vote and stops it counting.
              if (!members.holdIfActive(member.id())) {
                throw Refusal.of(Refusal.Kind.FORBIDDEN, "This account is banned.");
              }
              // Counted in the vote's own transaction: one commit (one fsync) less per vote, and
              // a vote that fails (a paper on no list) is not counted against the member.
              rateLimits.take(limits.vote(isNew(member)), "vote:" + member.id());
              if (!entries.lock(paper)) {
                throw Refusal.of(
                    Refusal.Kind.NOT_FOUND,
                    "arXiv " + paper + " is on no daily list yet: submit it first.");
              }
              // The count moves by what the write changed: a counted vote added or taken back. A
              // recount would read all the paper's votes, thousands on a popular paper, per vote.
              entries.addUpvotes(paper, write.applyAsInt(paper));
              return new Tally(entries.upvotes(paper), up);
            });
    lists.countsChanged();
    return tally;
  }

  private boolean isNew(Account member) {
    return member.youngerThan(accounts.newMemberAge(), clock.instant());
  }

  /** A ban or its lifting changes which votes count. */
  @EventListener
  void onBanChanged(AccountEvents.BanChanged event) {
    jdbc.sql("UPDATE votes SET counted = :counted * weight WHERE member_id = :member")
        .param("counted", event.banned() ? 0 : 1)
        .param("member", event.memberId())
        .update();
    entries.recountUpvotes(votedPapers(event.memberId()));
    lists.changed();
  }

  /** A closing account's votes go, and stop counting. */
  @EventListener
  void onClosing(AccountEvents.Closing event) {
    List<String> papers = votedPapers(event.memberId());
    jdbc.sql("DELETE FROM votes WHERE member_id = :member")
        .param("member", event.memberId())
        .update();
    entries.recountUpvotes(papers);
    lists.changed();
  }

  private List<String> votedPapers(long memberId) {
    return jdbc.sql("SELECT arxiv_id FROM votes WHERE member_id = :member")
        .param("member", memberId)
        .query(String.class)
        .list();
  }
}
