package dev.paperboy.account;

/**
 * What happens to accounts that other features follow. Published synchronously inside the account's
 * transaction, so a listener's changes (counts, reassigned rows) commit with it or not at all.
 */
public final class AccountEvents {
  private AccountEvents() {}

  /** The member's account is about to be deleted: remove or detach what is theirs. */
  public record Closing(long memberId) {}

  /** The member was banned or unbanned: their votes stop or start counting. */
  public record BanChanged(long memberId, boolean banned) {}
}
