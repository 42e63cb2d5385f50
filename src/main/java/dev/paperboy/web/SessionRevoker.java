package dev.paperboy.web;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
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
  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final JdbcTokenRepositoryImpl rememberedLogins;

  SessionRevoker(
      FindByIndexNameSessionRepository<? extends Session> sessions,
      JdbcTokenRepositoryImpl rememberedLogins) {
    this.sessions = sessions;
    this.rememberedLogins = rememberedLogins;
  }

  void endOtherSessions(@Nullable String email) {
    if (email == null) {
      return;
    }
    String current = currentSessionId();
    for (String id : sessions.findByPrincipalName(email).keySet()) {
      if (!id.equals(current)) {
        sessions.deleteById(id);
      }
    }
    rememberedLogins.removeUserTokens(email);
  }

  private static @Nullable String currentSessionId() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
      return null;
    }
    HttpSession session = attrs.getRequest().getSession(false);
    return session == null ? null : session.getId();
  }
}
