package dev.paperboy.account;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A member's personal API token as its owner sees it listed: never the token itself (API-4). */
public record ApiToken(
    long id,
    long memberId,
    String name,
    Set<Scope> scopes,
    Instant createdAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt) {

  /** What a token may do; a request that needs a scope its token lacks is answered 403. */
  public enum Scope {
    COLLECTIONS_READ,
    COLLECTIONS_WRITE;

    /** As written in the store and shown: {@code collections:read}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', ':');
    }

    static Set<Scope> parse(String labels) {
      Set<Scope> scopes = EnumSet.noneOf(Scope.class);
      for (String label : labels.split(" ")) {
        Arrays.stream(values()).filter(s -> s.label().equals(label)).forEach(scopes::add);
      }
      return scopes;
    }

    static String write(Set<Scope> scopes) {
      return scopes.stream().sorted().map(Scope::label).collect(Collectors.joining(" "));
    }
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  /** The scopes as shown: "collections:read collections:write". */
  public String scopeLabels() {
    return Scope.write(scopes);
  }
}
