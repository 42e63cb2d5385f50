package dev.paperboy.account;

import dev.paperboy.rules.Refusal;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in member of this request, read fresh (role, ban, verification may have changed). */
@Component
public class CurrentMember {
  private final Accounts accounts;

  CurrentMember(Accounts accounts) {
    this.accounts = accounts;
  }

  public Optional<Account> get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof SignedIn member)) {
      return Optional.empty();
    }
    return accounts.byId(member.memberId());
  }

  /**
   * @throws Refusal NOT_SIGNED_IN for anonymous visitors
   */
  public Account require() {
    return get().orElseThrow(() -> Refusal.of(Refusal.Kind.NOT_SIGNED_IN, "Sign in first."));
  }

  /**
   * As {@link #require()}, for a call a personal API token may make only with {@code scope}; a
   * signed-in session may do everything its member may.
   *
   * @throws Refusal FORBIDDEN for a token without the scope
   */
  public Account require(ApiToken.Scope scope) {
    Account member = require();
    if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication token
        && !token.scopes().contains(scope)) {
      throw Refusal.of(Refusal.Kind.FORBIDDEN, "This token lacks the " + scope.label() + " scope.");
    }
    return member;
  }
}
