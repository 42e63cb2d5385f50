package dev.paperboy.web;

import dev.paperboy.account.Role;
import dev.paperboy.account.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in member as the page frame shows them, with the form token their forms carry.
 * Anonymous visitors have none: asking for a CSRF token would create a session (a database row) for
 * every reader of the daily page.
 */
public record Visitor(String username, Role role, String csrfParameter, String csrfToken) {
  /** Whether the paper is in the visitor's reading list (the save buttons' state). */
  public boolean saved(String paperId) {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
        && attrs.getRequest().getAttribute(ReadingListMarks.ATTRIBUTE)
            instanceof ReadingListMarks.Lookup lookup
        && lookup.has(paperId);
  }

  public boolean curates() {
    return role == Role.CURATOR || role == Role.ADMIN;
  }

  /** The visitor of the current request, if signed in. */
  static @Nullable Visitor current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof SignedIn member)) {
      return null;
    }
    CsrfToken token = csrf();
    if (token == null) {
      return null;
    }
    return new Visitor(
        member.username(), member.role(), token.getParameterName(), token.getToken());
  }

  static @Nullable CsrfToken csrf() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
      return null;
    }
    HttpServletRequest request = attrs.getRequest();
    return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
  }
}
