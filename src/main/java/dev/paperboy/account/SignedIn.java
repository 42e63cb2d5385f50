package dev.paperboy.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in member as Spring Security keeps them in the session: the id and sign-in address.
 * Everything that can change (role, ban, verification) is read fresh from the store per request.
 */
public final class SignedIn implements UserDetails, CredentialsContainer {
  @Serial private static final long serialVersionUID = 1L;

  private final long memberId;
  private final String username;
  private final String email;
  private final Role role;
  private @Nullable String passwordHash;

  SignedIn(long memberId, String username, String email, Role role, @Nullable String passwordHash) {
    this.memberId = memberId;
    this.username = username;
    this.email = email;
    this.role = role;
    this.passwordHash = passwordHash;
  }

  public long memberId() {
    return memberId;
  }

  /** The public name, as signed in: for the page frame only, never for a decision. */
  public String username() {
    return username;
  }

  public Role role() {
    return role;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return email;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }
}
