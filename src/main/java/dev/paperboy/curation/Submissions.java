package dev.paperboy.curation;

import dev.paperboy.account.Account;
import dev.paperboy.account.AccountSettings;
import dev.paperboy.ingest.ArxivApi;
import dev.paperboy.ingest.ArxivRefused;
import dev.paperboy.ingest.ArxivUnavailable;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.InvalidArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.Papers;
import dev.paperboy.rules.Limits;
import dev.paperboy.rules.RateLimits;
import dev.paperboy.rules.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Members put papers on today's list by arXiv id or URL (docs/reliability.md VOTE-7). Every form of
 * an id becomes one paper; a paper already on a list is answered with its entry, never twice. A
 * paper not in the store is looked up on arXiv first; if arXiv cannot be reached, nothing is
 * stored.
 */
@Service
public class Submissions {
  /** What a submission came to: the entry, and whether this submission made it. */
  public record Outcome(DailyEntry entry, boolean added) {}

  private final DailyLists lists;
  private final Papers papers;
  private final ArxivApi arxiv;
  private final RateLimits rateLimits;
  private final Limits limits;
  private final CurationSettings settings;
  private final AccountSettings accounts;
  private final ObjectProvider<AnyAgeSubmissions> anyAge;
  private final Clock clock;

  Submissions(
      DailyLists lists,
      Papers papers,
      ArxivApi arxiv,
      RateLimits rateLimits,
      Limits limits,
      CurationSettings settings,
      AccountSettings accounts,
      ObjectProvider<AnyAgeSubmissions> anyAge,
      Clock clock) {
    this.lists = lists;
    this.papers = papers;
    this.arxiv = arxiv;
    this.rateLimits = rateLimits;
    this.limits = limits;
    this.settings = settings;
    this.accounts = accounts;
    this.anyAge = anyAge;
    this.clock = clock;
  }

  /**
   * Submits the paper named by {@code input} (an id in any form, or an arXiv URL) to today's list.
   *
   * @throws Refusal for text that is no arXiv id, a member who may not submit, a paper too old for
   *     a member, the daily cap, a paper arXiv does not know, or arXiv out of reach
   */
  public Outcome submit(Account member, String input) {
    ArxivId id;
    try {
      id = ArxivId.parse(input);
    } catch (InvalidArxivId e) {
      throw Refusal.field("paper_id", e.getMessage());
    }
    member.requireActive();
    Optional<DailyEntry> existing = lists.entryFor(id);
    if (existing.isPresent()) {
      return new Outcome(existing.get(), false);
    }
    boolean isNew = member.youngerThan(accounts.newMemberAge(), clock.instant());
    rateLimits.take(limits.submit(member.curates(), isNew), "submit:" + member.id());
    Paper paper = papers.find(id).orElseGet(() -> fetch(id));
    LocalDate today = lists.today();
    LocalDate published = paper.publishedAt().atZone(settings.zone()).toLocalDate();
    if (!member.curates()
        && published.plus(settings.submitMaxAge()).isBefore(today)
        && anyAge.stream().noneMatch(rule -> rule.allows(paper.id()))) {
      throw Refusal.of(
          Refusal.Kind.FORBIDDEN,
          "arXiv "
              + paper.id().base()
              + " was first published on "
              + published
              + ": papers older than "
              + settings.submitMaxAge().getDays()
              + " days can only be featured by a curator.");
    }
    boolean added = lists.feature(paper.id(), today, member.member());
    return new Outcome(lists.entryFor(paper.id()).orElseThrow(), added);
  }

  private Paper fetch(ArxivId id) {
    try {
      Paper found = arxiv.fetchOnce(List.of(id)).get(id.base());
      if (found == null) {
        throw Refusal.of(Refusal.Kind.NOT_FOUND, "arXiv has no paper " + id.base() + ".");
      }
      return found;
    } catch (ArxivUnavailable | ArxivRefused e) {
      throw Refusal.of(
          Refusal.Kind.UNAVAILABLE,
          "arXiv could not be reached to look up "
              + id.base()
              + ", so nothing was stored. Try again in a few minutes.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Refusal.of(Refusal.Kind.UNAVAILABLE, "The look-up on arXiv was interrupted.");
    }
  }
}
