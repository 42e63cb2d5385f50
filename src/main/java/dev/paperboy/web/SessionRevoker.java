package dev.paperboy.web;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A changed password ends every other session of the member, on every node (the sessions are rows),
 * and forgets their remembered logins (AUTH-6). Called once the change has committed: the session
 * store writes in transactions of its own.
 */
@Component
class SessionRevoker {
  /** Absent outside a web server (the command line): there are no sessions to end there. */
  private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

  private final ObjectProvider<JdbcTokenRepositoryImpl> rememberedLogins;

  SessionRevoker(
      ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions,
      ObjectProvider<JdbcTokenRepositoryImpl> rememberedLogins) {
    this.sessions = sessions;
    this.rememberedLogins = rememberedLogins;
  }

  void endOtherSessions(@Nullable String email) {
    if (email == null) {
      return;
    }
    String current = currentSessionId();
    sessions.ifAvailable(
        store -> {
          for (String id : store.findByPrincipalName(email).keySet()) {
            if (!id.equals(current)) {
              store.deleteById(id);
            }
          }
        });
    rememberedLogins.ifAvailable(logins -> logins.removeUserTokens(email));
  }

  private static @Nullable String currentSessionId() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
      return null;
    }
    HttpSession session = attrs.getRequest().getSession(false);
    return session == null ? null : session.getId();
  }
}
