package dev.paperboy.digest;

import dev.paperboy.account.Account;
import dev.paperboy.account.AccountEvents;
import dev.paperboy.account.AccountSettings;
import dev.paperboy.account.LinkState;
import dev.paperboy.mail.Addresses;
import dev.paperboy.mail.Mail;
import dev.paperboy.mail.Mailer;
import dev.paperboy.rules.Limits;
import dev.paperboy.rules.RateLimits;
import dev.paperboy.rules.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscribing to digests, with double opt-in (MAIL-4), and everything a subscriber can do from the
 * links in their mail: preferences, pause, one-click unsubscribe (MAIL-5), a data export mailed to
 * the address on file and erasure (MAIL-7).
 *
 * <p>Whoever asks gets the same answer ("check your inbox") whether the address is new, pending or
 * subscribed, and an address gets at most one mail from sign-ups a day, so the form cannot be used
 * to flood someone's inbox or to learn who subscribes.
 */
@Service
public class Subscriptions {
  /** At most one sign-up mail (confirmation or notice) per address in this time (MAIL-4). */
  static final Duration MAIL_INTERVAL = Duration.ofHours(24);

  static final int MAX_CATEGORIES = 20;
  static final int MAX_KEYWORDS = 10;
  static final int KEYWORD_MAX = 60;
  private static final Pattern CATEGORY = Pattern.compile("[a-z-]{2,16}(\\.[A-Za-z-]{2,16})?");

  private final JdbcSubscriptions store;
  private final Suppressions suppressions;
  private final Mailer mailer;
  private final RateLimits rateLimits;
  private final Limits limits;
  private final AccountSettings site;
  private final DigestSettings settings;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Subscriptions(
      JdbcSubscriptions store,
      Suppressions suppressions,
      Mailer mailer,
      RateLimits rateLimits,
      Limits limits,
      AccountSettings site,
      DigestSettings settings,
      TransactionTemplate transactions,
      Clock clock) {
    this.store = store;
    this.suppressions = suppressions;
    this.mailer = mailer;
    this.rateLimits = rateLimits;
    this.limits = limits;
    this.site = site;
    this.settings = settings;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What a sign-up asks for; the categories and keywords are optional. */
  public record Request(
      String email, Cadence cadence, List<String> categories, List<String> keywords) {}

  /** Where a sign-up came from, for the consent record. */
  public record Origin(String form, String clientAddress, @Nullable String userAgent) {}

  /**
   * Signs an address up. A new or pending address gets a confirmation link (a pending subscription
   * takes the new preferences); a subscribed one gets a notice with its preferences link and keeps
   * its preferences. A signed-in member subscribing their own verified address needs no link.
   *
   * @return whether the subscription is active now (a member's own address); otherwise the caller
   *     says "check your inbox", whatever happened
   * @throws Refusal for a bad field or too many sign-ups from the client's address
   */
  public boolean subscribe(Request request, Origin origin, @Nullable Account member) {
    String email = Addresses.check(request.email());
    List<String> categories = categories(request.categories());
    List<String> keywords = keywords(request.keywords());
    rateLimits.take(limits.subscribePerIp(), origin.clientAddress());
    boolean own =
        member != null && member.verified() && email.equals(member.email()) && !member.banned();
    Instant now = clock.instant();
    Optional<Subscription> existing = store.byEmail(email);
    if (own) {
      transactions.executeWithoutResult(
          tx -> {
            long id =
                existing
                    .map(Subscription::id)
                    .orElseGet(() -> insert(email, request.cadence(), origin, member, now));
            store.activateOwn(id, member.id(), request.cadence(), categories, keywords, now);
            suppressions.lift(email);
          });
      return true;
    }
    if (existing.isEmpty()) {
      try {
        transactions.executeWithoutResult(
            tx -> {
              long id = insert(email, request.cadence(), origin, member, now);
              store.setPreferences(id, request.cadence(), categories, keywords, now);
            });
      } catch (DuplicateKeyException e) {
        // Another sign-up for the address a moment ago; it sent (or will send) the one mail.
        return false;
      }
    }
    Subscription subscription = store.byEmail(email).orElseThrow();
    boolean active =
        subscription.status() == Subscription.Status.ACTIVE
            || subscription.status() == Subscription.Status.PAUSED;
    // The one-mail-a-day rule is a compare-and-set on the row, so that two nodes cannot both send.
    if (!store.takeMailSlot(subscription.id(), now, now.minus(MAIL_INTERVAL))) {
      return false;
    }
    if (active) {
      mailer.send(alreadySubscribed(subscription));
      return false;
    }
    String token =
        transactions.execute(
            tx -> {
              store.reopen(subscription.id(), request.cadence(), categories, keywords, origin, now);
              return store.issueToken(subscription.id(), now, now.plus(settings.confirmFor()));
            });
    mailer.send(confirmation(email, request.cadence(), token));
    return false;
  }

  private long insert(
      String email, Cadence cadence, Origin origin, @Nullable Account member, Instant now) {
    return store.insert(email, member == null ? null : member.id(), cadence, origin, now);
  }

  public LinkState check(String token) {
    return store.tokenState(token, clock.instant());
  }

  /**
   * Confirms a subscription with its link's token: the opt-in. A new opt-in lifts a suppression of
   * the address (it has just shown that it reads mail from us).
   *
   * @throws Refusal GONE for a used or expired link, NOT_FOUND for an unknown one
   */
  public Subscription confirm(String token) {
    Instant now = clock.instant();
    return transactions.execute(
        tx -> {
          LinkState state = store.tokenState(token, now);
          switch (state) {
            case UNKNOWN ->
                throw Refusal.of(Refusal.Kind.NOT_FOUND, "This confirmation link is not valid.");
            case USED ->
                throw Refusal.of(
                    Refusal.Kind.GONE, "This confirmation link has been used already.");
            case EXPIRED ->
                throw Refusal.of(Refusal.Kind.GONE, "This confirmation link has expired.");
            case VALID -> {}
          }
          long id = store.useToken(token, now);
          store.confirm(id, now);
          Subscription subscription = store.byId(id).orElseThrow();
          suppressions.lift(subscription.email());
          return subscription;
        });
  }

  /**
   * Sends a fresh link for an expired one, within the one-mail-a-day rule. Silent whatever the
   * token: the page answers the same.
   */
  public void resend(String expiredToken) {
    Instant now = clock.instant();
    store
        .byToken(expiredToken)
        .filter(s -> s.status() == Subscription.Status.PENDING)
        .filter(s -> store.takeMailSlot(s.id(), now, now.minus(MAIL_INTERVAL)))
        .ifPresent(
            s -> {
              String token =
                  transactions.execute(
                      tx -> store.issueToken(s.id(), now, now.plus(settings.confirmFor())));
              mailer.send(confirmation(s.email(), s.cadence(), token));
            });
  }

  public Optional<Subscription> byKey(String key) {
    return store.byKey(key);
  }

  public Optional<Subscription> byMember(long memberId) {
    return store.byMember(memberId);
  }

  /**
   * A visit to the preferences page: a sign of life that keeps the digests coming (MAIL-8's
   * inactivity rule).
   */
  public Optional<Subscription> visit(String key) {
    Optional<Subscription> found = store.byKey(key);
    found.ifPresent(s -> store.touch(s.id(), clock.instant()));
    return found;
  }

  /**
   * One-click unsubscribe (MAIL-5): takes effect at once (the sender checks each row when it sends
   * it) and is idempotent.
   *
   * @return false for an unknown key
   */
  public boolean unsubscribe(String key) {
    return store.byKey(key).map(s -> store.unsubscribe(s.id(), clock.instant())).orElse(false);
  }

  /**
   * Changes cadence, categories and keywords; an active or paused subscription stays so.
   *
   * @throws Refusal for an unknown key or a bad field
   */
  public Subscription update(String key, Cadence cadence, List<String> cats, List<String> words) {
    Subscription subscription = require(key);
    store.setPreferences(
        subscription.id(), cadence, categories(cats), keywords(words), clock.instant());
    return store.byId(subscription.id()).orElseThrow();
  }

  /** Pauses (true) or resumes (false) an active subscription. */
  public Subscription pause(String key, boolean paused) {
    Subscription subscription = require(key);
    store.pause(subscription.id(), paused, clock.instant());
    return store.byId(subscription.id()).orElseThrow();
  }

  /**
   * Mails the subscriber everything kept about them, to the address on file only (MAIL-7): whoever
   * holds the key learns nothing they could not read in that inbox.
   */
  public void export(String key) {
    Subscription s = require(key);
    rateLimits.take(limits.exportPerAddress(), "export:" + s.email());
    mailer.send(new Mail(s.email(), "Your Paperboy digest data", store.export(s.id())));
  }

  /**
   * Erases the subscription: the row, its links, its outbox rows and what it was sent. Only a
   * salted hash of the address stays, on the suppression list, so that nothing is mailed to it
   * again without a new opt-in (MAIL-7).
   */
  public void erase(String key) {
    Subscription s = require(key);
    transactions.executeWithoutResult(
        tx -> {
          suppressions.suppress(s.email(), Suppressions.Reason.ERASED);
          store.delete(s.id());
        });
  }

  @EventListener
  void onClosing(AccountEvents.Closing closing) {
    store
        .byMember(closing.memberId())
        .ifPresent(
            s -> {
              suppressions.suppress(s.email(), Suppressions.Reason.ERASED);
              store.delete(s.id());
            });
  }

  /** The links of a subscriber's mail, from the manage key. */
  public String manageUrl(String key) {
    return site.site() + "/subscription/" + key;
  }

  public String unsubscribeUrl(String key) {
    return site.site() + "/u/" + key;
  }

  private Subscription require(String key) {
    return store
        .byKey(key)
        .orElseThrow(
            () -> Refusal.of(Refusal.Kind.NOT_FOUND, "This subscription link is not valid."));
  }

  static List<String> categories(List<String> input) {
    LinkedHashSet<String> categories = new LinkedHashSet<>();
    for (String raw : input) {
      for (String category : raw.split("[\\s,]+")) {
        if (category.isBlank()) {
          continue;
        }
        if (!CATEGORY.matcher(category).matches()) {
          throw Refusal.field("categories", "Categories are arXiv categories such as cs.LG.");
        }
        categories.add(category);
      }
    }
    if (categories.size() > MAX_CATEGORIES) {
      throw Refusal.field("categories", "At most " + MAX_CATEGORIES + " categories.");
    }
    return List.copyOf(categories);
  }

  static List<String> keywords(List<String> input) {
    List<String> keywords = new ArrayList<>();
    for (String raw : input) {
      for (String keyword : raw.split("[\\r\\n,]+")) {
        String word = keyword.strip().replaceAll("\\s+", " ");
        if (word.isEmpty()) {
          continue;
        }
        if (word.length() > KEYWORD_MAX || word.chars().anyMatch(Character::isISOControl)) {
          throw Refusal.field(
              "keywords", "A keyword is at most " + KEYWORD_MAX + " characters of plain text.");
        }
        if (!keywords.contains(word.toLowerCase(Locale.ROOT))) {
          keywords.add(word.toLowerCase(Locale.ROOT));
        }
      }
    }
    if (keywords.size() > MAX_KEYWORDS) {
      throw Refusal.field("keywords", "At most " + MAX_KEYWORDS + " keywords.");
    }
    return List.copyOf(keywords);
  }

  // The two sign-up mails hold no text the requester typed (MAIL-4): only the cadence and links.

  private Mail confirmation(String email, Cadence cadence, String token) {
    return new Mail(
        email,
        "Confirm your Paperboy digest",
        """
        Someone (hopefully you) asked for the %s Paperboy digest of trending papers at this
        address.

        Confirm it here (the link works for %d hours):
        %s/subscribe/confirm/%s

        If it was not you, ignore this mail: nothing will be sent without the confirmation.
        """
            .formatted(cadence.label(), settings.confirmFor().toHours(), site.site(), token));
  }

  private Mail alreadySubscribed(Subscription subscription) {
    return new Mail(
        subscription.email(),
        "Your Paperboy digest",
        """
        Someone (hopefully you) asked for the Paperboy digest at this address, which already
        gets it. Nothing has changed.

        Change what you get, pause or unsubscribe here:
        %s
        """
            .formatted(manageUrl(subscription.manageKey())));
  }
}
