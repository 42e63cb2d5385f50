package dev.paperboy.web;

import dev.paperboy.account.ApiToken;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The member's personal API tokens.
 *
 * @param made a token just made, shown this once
 * @param problem why the last request to make one was refused
 */
public record TokensPage(
    List<Row> tokens, @Nullable String made, @Nullable String problem, String name) {

  /** A token as listed, dates written out. */
  public record Row(
      long id, String name, String scopes, String created, String lastUsed, boolean revoked) {
    static Row of(ApiToken token) {
      return new Row(
          token.id(),
          token.name(),
          token.scopeLabels(),
          Views.DAY.format(token.createdAt().atZone(ZoneOffset.UTC)),
          token.lastUsedAt() == null
              ? "never used"
              : "last used " + Views.DAY.format(token.lastUsedAt().atZone(ZoneOffset.UTC)),
          token.revoked());
    }
  }
}
