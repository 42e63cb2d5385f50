package dev.paperboy.account;

import dev.paperboy.mail.Addresses;
import dev.paperboy.mail.Mail;
import dev.paperboy.mail.Mailer;
import dev.paperboy.rules.Limits;
import dev.paperboy.rules.RateLimits;
import dev.paperboy.rules.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up, email verification, password reset and change, account deletion and roles.
 *
 * <p>Answers never tell whether an address has an account (AUTH-4): sign-up and reset answer the
 * same whatever the address, and sign-up hashes the password exactly once on both paths. The owner
 * of a known address gets a notice by mail instead.
 *
 * <p>Password hashing (tens of milliseconds of Argon2id) and mail happen outside transactions, so
 * neither holds SQLite's write lock.
 */
@Service
public class Accounts {
  /** Usernames appear in URLs and next to everything a member does. */
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,29}");

  private final JdbcAccounts store;
  private final PasswordEncoder encoder;
  private final PasswordPolicy policy;
  private final Mailer mailer;
  private final RateLimits rateLimits;
  private final Limits limits;
  private final AccountSettings settings;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Accounts(
      JdbcAccounts store,
      PasswordEncoder encoder,
      PasswordPolicy policy,
      Mailer mailer,
      RateLimits rateLimits,
      Limits limits,
      AccountSettings settings,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.store = store;
    this.encoder = encoder;
    this.policy = policy;
    this.mailer = mailer;
    this.rateLimits = rateLimits;
    this.limits = limits;
    this.settings = settings;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Optional<Account> byId(long id) {
    return store.byId(id);
  }

  public Optional<Account> byUsername(String username) {
    return store.byUsername(username);
  }

  public Optional<Account> byEmail(String email) {
    return store.byEmail(Addresses.normalize(email));
  }

  /**
   * Creates an unverified account and mails the verification link; for an address that has an
   * account, mails its owner a notice instead. Either way the caller says "check your inbox".
   *
   * @throws Refusal for a bad field (the form shows it) or too many sign-ups from the address
   */
  public void signUp(String email, String username, String password, String clientAddress) {
    String address = Addresses.check(email);
    checkUsername(username);
    checkPassword(password);
    rateLimits.take(limits.signUpPerIp(), clientAddress);
    // Hashed on both paths, so both take the same time (AUTH-4).
    String hash = encoder.encode(password);
    if (store.byEmail(address).isPresent()) {
      sendAlreadyRegistered(address);
      return;
    }
    if (store.byUsername(username).isPresent()) {
      throw Refusal.field("username", "That username is taken; choose another.");
    }
    String raw;
    try {
      raw =
          transactions.execute(
              tx -> {
                Instant now = clock.instant();
                long id = store.insert(address, username, hash, Role.MEMBER, now, null);
                return issue(id, Token.Purpose.VERIFY, now.plus(settings.verifyFor()));
              });
    } catch (DuplicateKeyException e) {
      // Another request registered the address or the name a moment ago.
      if (store.byEmail(address).isPresent()) {
        sendAlreadyRegistered(address);
        return;
      }
      throw Refusal.field("username", "That username is taken; choose another.");
    }
    sendVerification(address, raw);
  }

  /** Sends a fresh verification link to a signed-in member who has not verified yet. */
  public void resendVerification(long memberId) {
    Account account = store.byId(memberId).orElseThrow();
    if (!account.verified() && account.email() != null) {
      rateLimits.take(limits.resetPerAccount(), "verify:" + account.email());
      String raw =
          issue(memberId, Token.Purpose.VERIFY, clock.instant().plus(settings.verifyFor()));
      sendVerification(account.email(), raw);
    }
  }

  /** What a verification or reset link is, without using it: for the page a GET shows. */
  public LinkState check(String rawToken, boolean reset) {
    return store
        .token(Token.hash(rawToken), reset ? Token.Purpose.RESET : Token.Purpose.VERIFY)
        .map(this::state)
        .orElse(LinkState.UNKNOWN);
  }

  /**
   * Verifies the address the link was sent to. Only a POST calls this: a GET never changes state.
   *
   * @throws Refusal GONE for a used or expired link, INVALID for an unknown one
   */
  @Transactional
  public Account verify(String rawToken) {
    long memberId = use(rawToken, Token.Purpose.VERIFY);
    store.markVerified(memberId, clock.instant());
    return store.byId(memberId).orElseThrow();
  }

  /**
   * Mails a reset link if the address has an account; the answer is the same if not. Addresses
   * asked for too often get no more mail (silently: a 429 would tell the address exists).
   */
  public void requestReset(String email, String clientAddress) {
    rateLimits.take(limits.resetPerIp(), clientAddress);
    String address;
    try {
      address = Addresses.check(email);
    } catch (Refusal e) {
      return;
    }
    Optional<Account> account = store.byEmail(address);
    if (account.isEmpty()) {
      return;
    }
    try {
      rateLimits.take(limits.resetPerAccount(), "reset:" + address);
    } catch (Refusal e) {
      return;
    }
    String raw =
        issue(account.get().id(), Token.Purpose.RESET, clock.instant().plus(settings.resetFor()));
    mailer.send(
        new Mail(
            address,
            "Reset your Paperboy password",
            """
            Someone (hopefully you) asked to reset the password of your Paperboy account.

            Choose a new password here within the next %d minutes:
            %s/reset/confirm?token=%s

            If it was not you, ignore this mail: your password stays as it is.
            """
                .formatted(settings.resetFor().toMinutes(), settings.site(), raw)));
  }

  /**
   * Sets a new password through a reset link; every reset link of the member stops working. The
   * caller ends the member's sessions.
   */
  public Account reset(String rawToken, String newPassword) {
    checkPassword(newPassword);
    String hash = encoder.encode(newPassword);
    return transactions.execute(
        tx -> {
          long memberId = use(rawToken, Token.Purpose.RESET);
          Account account = store.byId(memberId).orElseThrow();
          setPassword(account, hash);
          // A reset proves control of the mailbox, as the verification link would.
          store.markVerified(memberId, clock.instant());
          return account;
        });
  }

  /** Changes the password of a signed-in member who knows the current one. */
  public void changePassword(long memberId, String current, String newPassword) {
    Account account = store.byId(memberId).orElseThrow();
    checkPassword(newPassword);
    checkCurrentPassword(account, current);
    String hash = encoder.encode(newPassword);
    transactions.executeWithoutResult(tx -> setPassword(account, hash));
  }

  /**
   * Deletes the account: votes go (and stop counting), comments are blanked, submissions stay on
   * their lists under "[deleted]". The moderation log keeps the names it copied.
   */
  public void close(long memberId, String password) {
    Account account = store.byId(memberId).orElseThrow();
    checkCurrentPassword(account, password);
    transactions.executeWithoutResult(
        tx -> {
          events.publishEvent(new AccountEvents.Closing(memberId));
          store.delete(memberId);
        });
  }

  /**
   * An account made on the command line ({@code paperboy user add}): verified at once, with the
   * given role. The first admin is made this way.
   */
  public Account add(String email, String username, Role role, String password) {
    String address = Addresses.check(email);
    checkUsername(username);
    checkPassword(password);
    if (store.byEmail(address).isPresent()) {
      throw Refusal.field("email", "An account with the address " + address + " exists.");
    }
    if (store.byUsername(username).isPresent()) {
      throw Refusal.field("username", "The username " + username + " is taken.");
    }
    Instant now = clock.instant();
    long id = store.insert(address, username, encoder.encode(password), role, now, now);
    return store.byId(id).orElseThrow();
  }

  @Transactional
  public void setRole(long memberId, Role role) {
    store.setRole(memberId, role);
  }

  /** Bans or lifts a ban; the moderation feature logs who did it and why. */
  @Transactional
  public void ban(long memberId, String bannedBy, String reason) {
    store.ban(memberId, bannedBy, reason, clock.instant());
    events.publishEvent(new AccountEvents.BanChanged(memberId, true));
  }

  @Transactional
  public void unban(long memberId) {
    store.unban(memberId);
    events.publishEvent(new AccountEvents.BanChanged(memberId, false));
  }

  private void setPassword(Account account, String hash) {
    store.setPasswordHash(account.id(), hash);
    store.deleteTokens(account.id(), Token.Purpose.RESET);
  }

  private void checkCurrentPassword(Account account, @Nullable String password) {
    if (password == null || PasswordPolicy.tooLarge(password)) {
      throw Refusal.field("current", "That is not your current password.");
    }
    String hash = account.email() == null ? null : store.passwordHash(account.email()).orElse(null);
    if (hash == null || !encoder.matches(password, hash)) {
      throw Refusal.field("current", "That is not your current password.");
    }
  }

  private long use(String rawToken, Token.Purpose purpose) {
    String hash = Token.hash(rawToken);
    Token token =
        store
            .token(hash, purpose)
            .orElseThrow(
                () ->
                    Refusal.of(
                        Refusal.Kind.INVALID, "This link is not valid. Request a new link."));
    LinkState state = state(token);
    if (state != LinkState.VALID || !store.useToken(hash, clock.instant())) {
      throw Refusal.of(
          Refusal.Kind.GONE,
          state == LinkState.EXPIRED
              ? "This link has expired. Request a new link."
              : "This link has already been used. Request a new link.");
    }
    return token.memberId();
  }

  private LinkState state(Token token) {
    if (token.usedAt() != null) {
      return LinkState.USED;
    }
    return token.expiresAt().isAfter(clock.instant()) ? LinkState.VALID : LinkState.EXPIRED;
  }

  /** Stores a new link token of the member and answers it, raw, for the mail. */
  private String issue(long memberId, Token.Purpose purpose, Instant until) {
    String raw = Token.newRaw();
    store.insertToken(Token.hash(raw), memberId, purpose, clock.instant(), until);
    return raw;
  }

  private void sendVerification(String address, String raw) {
    mailer.send(
        new Mail(
            address,
            "Confirm your email for Paperboy",
            """
            Welcome to Paperboy.

            Confirm your email address to submit, upvote and discuss papers:
            %s/verify?token=%s

            The link works for %d hours. If you did not sign up, ignore this mail.
            """
                .formatted(settings.site(), raw, settings.verifyFor().toHours())));
  }

  private void sendAlreadyRegistered(String address) {
    mailer.send(
        new Mail(
            address,
            "Your Paperboy account",
            """
            Someone (hopefully you) tried to sign up to Paperboy with this address, which
            already has an account.

            Sign in: %s/login
            Forgot your password? %s/reset

            If it was not you, ignore this mail.
            """
                .formatted(settings.site(), settings.site())));
  }

  private void checkPassword(@Nullable String password) {
    String problem = policy.problem(password);
    if (problem != null) {
      throw Refusal.field("password", problem);
    }
  }

  private static void checkUsername(@Nullable String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw Refusal.field(
          "username",
          "A username has 3 to 30 letters, digits, '-' or '_', and starts with a letter or digit.");
    }
  }
}
