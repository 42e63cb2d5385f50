package dev.paperboy.account;

import java.io.Serial;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a personal API token rather than a session: the member it acts for and
 * the scopes it was given. It lives for the one request and is never stored in a session.
 */
public final class TokenAuthentication extends AbstractAuthenticationToken {
  @Serial private static final long serialVersionUID = 1L;

  private final SignedIn member;
  private final Set<ApiToken.Scope> scopes;

  TokenAuthentication(SignedIn member, Set<ApiToken.Scope> scopes) {
    super(List.of(new SimpleGrantedAuthority("ROLE_" + member.role().name())));
    this.member = member;
    this.scopes = Set.copyOf(scopes);
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public SignedIn getPrincipal() {
    return member;
  }

  public Set<ApiToken.Scope> scopes() {
    return scopes;
  }
}
