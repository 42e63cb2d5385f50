package dev.paperboy.account;

import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Spring Security's view of the members: sign-in is by email. Members made by the system (no email,
 * no password) cannot sign in. Hashes with old parameters are replaced after a successful sign-in
 * (AUTH-1).
 */
@Service
class MemberDetailsService implements UserDetailsService, UserDetailsPasswordService {
  private final JdbcAccounts store;

  MemberDetailsService(JdbcAccounts store) {
    this.store = store;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String email = username.strip().toLowerCase(Locale.ROOT);
    Account account =
        store.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("no such member"));
    String hash =
        store.passwordHash(email).orElseThrow(() -> new UsernameNotFoundException("no password"));
    return new SignedIn(account.id(), account.username(), email, account.role(), hash);
  }

  @Override
  public UserDetails updatePassword(UserDetails user, String newPassword) {
    store.setPasswordHash(user.getUsername(), newPassword);
    SignedIn signedIn = (SignedIn) user;
    Account account = store.byId(signedIn.memberId()).orElseThrow();
    return new SignedIn(
        account.id(), account.username(), user.getUsername(), account.role(), newPassword);
  }
}
