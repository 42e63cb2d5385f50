package dev.paperboy.curation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paperboy.account.Member;
import dev.paperboy.account.Members;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperNotFound;
import dev.paperboy.paper.Papers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The daily lists: what is on a day, how to move between days, and putting papers on them. */
@Service
public class DailyLists {
  private final JdbcDailyEntries entries;
  private final Papers papers;
  private final Members members;
  private final Clock clock;
  private final CurationSettings settings;

  /** Reads of the lists, reused for a moment: the daily page is the site's busiest. */
  private final Cache<Read, Object> cache;

  private final AtomicLong version = new AtomicLong();

  DailyLists(
      JdbcDailyEntries entries,
      Papers papers,
      Members members,
      Clock clock,
      CurationSettings settings) {
    this.entries = entries;
    this.papers = papers;
    this.members = members;
    this.clock = clock;
    this.settings = settings;
    this.cache =
        Caffeine.newBuilder().expireAfterWrite(settings.cacheFor()).maximumSize(1_000).build();
  }

  /** Today in the configured zone. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  /** A page of a day's list, most upvoted first, ties by submission time. */
  @SuppressWarnings("unchecked")
  public List<DailyEntry> day(LocalDate date, int offset, int limit) {
    return (List<DailyEntry>)
        cache.get(
            new Read("day", date, offset, limit), k -> complete(entries.day(date, offset, limit)));
  }

  /**
   * Entries listed on the days from {@code from} to {@code to} (inclusive), most upvoted first,
   * ties by submission time; only a member's when {@code submitter} names one. An unknown submitter
   * has no entries.
   */
  public List<DailyEntry> between(
      LocalDate from, LocalDate to, @Nullable String submitter, int offset, int limit) {
    Long memberId = null;
    if (submitter != null) {
      Optional<Member> member = members.findByUsername(submitter);
      if (member.isEmpty()) {
        return List.of();
      }
      memberId = member.get().id();
    }
    Long member = memberId;
    @SuppressWarnings("unchecked")
    List<DailyEntry> read =
        (List<DailyEntry>)
            cache.get(
                new Read("between", from, to, member, offset, limit),
                k -> complete(entries.range(from, to, member, offset, limit)));
    return read;
  }

  /** A member's entries on any day, most upvoted first. */
  public List<DailyEntry> submittedBy(String username, int limit) {
    // Bounds that both engines' date types hold: arXiv began in 1991.
    return between(LocalDate.of(1991, 1, 1), LocalDate.of(9999, 12, 31), username, 0, limit);
  }

  /** The latest day on or before {@code date} that has a list. */
  @SuppressWarnings("unchecked")
  public Optional<LocalDate> latestOnOrBefore(LocalDate date) {
    return (Optional<LocalDate>)
        cache.get(new Read("latest", date, 0, 0), k -> entries.latestOnOrBefore(date));
  }

  /** The closest earlier day that has a list. */
  @SuppressWarnings("unchecked")
  public Optional<LocalDate> previousDay(LocalDate date) {
    return (Optional<LocalDate>)
        cache.get(new Read("before", date, 0, 0), k -> entries.before(date));
  }

  /** The closest later day that has a list. */
  @SuppressWarnings("unchecked")
  public Optional<LocalDate> nextDay(LocalDate date) {
    return (Optional<LocalDate>) cache.get(new Read("after", date, 0, 0), k -> entries.after(date));
  }

  /** A cached read: what was asked, of which day. */
  private record Read(
      String what, LocalDate date, LocalDate to, @Nullable Long member, int offset, int limit) {
    Read(String what, LocalDate date, int offset, int limit) {
      this(what, date, date, null, offset, limit);
    }
  }

  /** The paper's entry, if it is on a list. */
  public Optional<DailyEntry> entryFor(ArxivId id) {
    return complete(entries.forPapers(List.of(id.base()))).stream().findFirst();
  }

  /** The entries of those papers that are on a list, keyed by base id. */
  public Map<String, DailyEntry> entriesFor(Collection<ArxivId> ids) {
    return complete(entries.forPapers(ids.stream().map(ArxivId::base).distinct().toList())).stream()
        .collect(Collectors.toMap(entry -> entry.paper().id().base(), Function.identity()));
  }

  /**
   * Puts a stored paper on a day's list in the curator's name. A paper is on at most one day:
   * featuring it again changes nothing and answers false.
   *
   * @throws PaperNotFound when the paper is not in the store
   */
  public boolean feature(ArxivId id, LocalDate date, Member curator) {
    return feature(id, date, curator, clock.instant());
  }

  /** As {@link #feature(ArxivId, LocalDate, Member)}, recording an explicit submission time. */
  public boolean feature(ArxivId id, LocalDate date, Member curator, Instant submittedAt) {
    Paper paper = papers.find(id).orElseThrow(() -> new PaperNotFound(id));
    boolean added = entries.insert(paper.id().base(), date, curator.id(), submittedAt);
    changed();
    return added;
  }

  /** Keeps the paper's entry at the top of its day, or lets it go back to its place. */
  public boolean pin(ArxivId id, boolean pinned) {
    boolean changed = entries.setPinned(id.base(), pinned);
    changed();
    return changed;
  }

  /** Hides the paper's entry from every list (a moderator's action). */
  public boolean hide(ArxivId id) {
    boolean changed = entries.setHidden(id.base(), clock.instant());
    changed();
    return changed;
  }

  /** Takes the paper off its day; its votes are kept and count again if it is featured again. */
  public boolean remove(ArxivId id) {
    boolean changed = entries.delete(id.base());
    changed();
    return changed;
  }

  /** Forgets cached reads after a change to the lists (a pin, a hidden entry, a new paper). */
  void changed() {
    version.incrementAndGet();
    cache.invalidateAll();
  }

  /**
   * Forgets cached reads after a vote: a member sees the count their vote made. The {@link
   * #version} stays, so pages kept for anonymous readers show it within {@code cache-for}, as
   * readers on other nodes do; under a steady stream of votes those pages would otherwise never be
   * served from the cache at all (bench/load.sh).
   */
  void countsChanged() {
    cache.invalidateAll();
  }

  /**
   * A number that grows with every change to the lists made on this node but votes: a cache of
   * anything drawn from them is current while it stays the same, give or take the counts (other
   * nodes' changes and votes show within {@code paperboy.curation.cache-for}).
   */
  public long version() {
    return version.get();
  }

  private List<DailyEntry> complete(List<JdbcDailyEntries.Row> rows) {
    Map<String, Paper> byId =
        papers.findAll(rows.stream().map(r -> ArxivId.parse(r.arxivId())).toList());
    Map<Long, Member> submitters =
        members.findAll(rows.stream().map(JdbcDailyEntries.Row::submittedBy).toList());
    return rows.stream()
        .map(
            row ->
                new DailyEntry(
                    byId.get(row.arxivId()),
                    row.listDate(),
                    submitters.get(row.submittedBy()),
                    row.submittedAt(),
                    row.upvotes(),
                    row.comments(),
                    row.pinned()))
        .toList();
  }
}
