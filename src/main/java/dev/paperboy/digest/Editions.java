package dev.paperboy.digest;

import dev.paperboy.curation.DailyEntry;
import dev.paperboy.curation.DailyLists;
import dev.paperboy.mail.Addresses;
import dev.paperboy.mail.MailSettings;
import dev.paperboy.ranking.ListPeriod;
import dev.paperboy.ranking.Rankings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides editions: one per cadence and period, with one outbox row per subscriber, all in one
 * transaction (MAIL-1). The unique (cadence, period) key is what makes a second decision, on this
 * node or another, change nothing (NODE-2): no scheduler lock is needed for correctness.
 */
@Service
public class Editions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcOutbox outbox;
  private final Rankings rankings;
  private final DailyLists lists;
  private final DigestComposer composer;
  private final DigestMessages messages;
  private final JdbcSubscriptions subscriptions;
  private final DigestSettings settings;
  private final MailSettings mail;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Editions(
      JdbcOutbox outbox,
      Rankings rankings,
      DailyLists lists,
      DigestComposer composer,
      DigestMessages messages,
      JdbcSubscriptions subscriptions,
      DigestSettings settings,
      MailSettings mail,
      TransactionTemplate transactions,
      Clock clock) {
    this.outbox = outbox;
    this.rankings = rankings;
    this.lists = lists;
    this.composer = composer;
    this.messages = messages;
    this.subscriptions = subscriptions;
    this.settings = settings;
    this.mail = mail;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * What deciding an edition did.
   *
   * @param edition the period's edition, new or already decided; empty when there is none
   * @param queued outbox rows made now (0 when the edition was decided before)
   * @param why in words, for logs and the command line
   */
  public record Decision(Optional<Edition> edition, boolean created, int queued, String why) {}

  /** Today in the lists' zone. */
  public LocalDate today() {
    return lists.today();
  }

  /**
   * The period a scheduled run sends: yesterday's list for the daily digest (the day is over), the
   * last full ISO week for the weekly one.
   */
  public LocalDate lastClosedDay(Cadence cadence) {
    return cadence == Cadence.DAILY ? today().minusDays(1) : today().minusWeeks(1);
  }

  /** The day a preview shows when none is given, and a sentence that says which and why. */
  public record PreviewDay(LocalDate day, String why) {}

  /**
   * The latest edition of the cadence, or, before there is any, the latest list day: a preview of a
   * period without papers would show an empty digest.
   */
  public PreviewDay previewDay(Cadence cadence) {
    String name = cadence.name().toLowerCase(Locale.ROOT);
    return outbox.recentEditions(100).stream()
        .filter(edition -> edition.cadence() == cadence)
        .findFirst()
        .map(
            edition ->
                new PreviewDay(
                    edition.firstDay(),
                    "previewing the latest " + name + " edition, " + edition.period()))
        .or(
            () ->
                lists
                    .latestOnOrBefore(today())
                    .map(
                        day ->
                            new PreviewDay(
                                day,
                                "no "
                                    + name
                                    + " edition has been made yet; previewing the latest list, "
                                    + day)))
        .orElseGet(
            () ->
                new PreviewDay(
                    lastClosedDay(cadence),
                    "no list has papers yet; previewing the last closed period, "
                        + lastClosedDay(cadence)));
  }

  /**
   * Decides the edition of the period containing {@code day}: none for an empty period or, unless
   * configured, a weekend day; the existing one if it was decided before.
   */
  public Decision decide(Cadence cadence, LocalDate day) {
    ListPeriod period = cadence.period(day);
    Optional<Edition> existing = outbox.edition(cadence, period.key());
    if (existing.isPresent()) {
      return new Decision(
          existing, false, 0, "the " + describe(cadence, period) + " was decided before");
    }
    if (cadence == Cadence.DAILY && !settings.weekends() && weekend(day)) {
      return new Decision(Optional.empty(), false, 0, "no daily digest on weekends");
    }
    List<DailyEntry> top =
        rankings.period(period, null, Rankings.Order.TRENDING, 0, settings.top() * 3);
    if (top.isEmpty()) {
      return new Decision(Optional.empty(), false, 0, "no papers were listed in " + period.key());
    }
    Instant now = clock.instant();
    byte[] nonce = new byte[6];
    RANDOM.nextBytes(nonce);
    Integer queued =
        transactions.execute(
            tx -> {
              Optional<Long> id =
                  outbox.insertEdition(
                      cadence,
                      period.key(),
                      period.first(),
                      period.last(),
                      top.stream().map(e -> e.paper().id()).toList(),
                      now);
              if (id.isEmpty()) {
                return -1;
              }
              String prefix = "digest." + id.get() + "." + HexFormat.of().formatHex(nonce) + ".";
              return outbox.queue(
                  id.get(),
                  cadence,
                  now.minus(settings.inactiveAfter()),
                  prefix,
                  Addresses.domain(mail.from()),
                  now);
            });
    Optional<Edition> edition = outbox.edition(cadence, period.key());
    if (queued == null || queued < 0) {
      return new Decision(
          edition, false, 0, "another node decided the " + describe(cadence, period));
    }
    return new Decision(
        edition,
        true,
        queued,
        "the " + describe(cadence, period) + " goes to " + queued + " subscribers");
  }

  private static String describe(Cadence cadence, ListPeriod period) {
    return cadence.label() + " edition of " + period.key();
  }

  private static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** An edition and where its rows stand. */
  public record Status(
      Edition edition, int queued, int sending, int sent, int failed, int skipped) {
    public boolean done() {
      return queued == 0 && sending == 0;
    }
  }

  public List<Status> recent(int limit) {
    return outbox.recentEditions(limit).stream()
        .map(
            e -> {
              JdbcOutbox.Progress p = outbox.progress(e.id());
              return new Status(e, p.queued(), p.sending(), p.sent(), p.failed(), p.skipped());
            })
        .toList();
  }

  public Optional<Edition> edition(long id) {
    return outbox.edition(id);
  }

  /** A subscriber's digest of an edition as the mail shows it (HTML), for "view in browser". */
  public Optional<String> viewInBrowser(long editionId, String manageKey) {
    return outbox
        .edition(editionId)
        .flatMap(
            edition ->
                subscriptions
                    .byKey(manageKey)
                    .map(s -> messages.html(composer.compose(edition, s))));
  }

  /**
   * A digest as it would be sent now: the subscriber's, for the period containing {@code day}
   * (decided or not), for {@code digest preview}.
   */
  public Optional<Preview> preview(String email, Cadence cadence, LocalDate day) {
    return subscriptions
        .byEmail(email)
        .map(
            subscription -> {
              ListPeriod period = cadence.period(day);
              Edition edition =
                  outbox
                      .edition(cadence, period.key())
                      .orElseGet(
                          () ->
                              // Not decided yet: it would come after every edition sent so far.
                              new Edition(
                                  Long.MAX_VALUE,
                                  cadence,
                                  period.key(),
                                  period.first(),
                                  period.last(),
                                  rankings
                                      .period(
                                          period,
                                          null,
                                          Rankings.Order.TRENDING,
                                          0,
                                          settings.top() * 3)
                                      .stream()
                                      .map(e -> e.paper().id())
                                      .toList(),
                                  clock.instant()));
              Digest digest = composer.compose(edition, subscription);
              return new Preview(
                  DigestMessages.subject(digest, mail.siteName()), messages.text(digest));
            });
  }

  public record Preview(String subject, String text) {}
}
