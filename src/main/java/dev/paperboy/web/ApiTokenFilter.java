package dev.paperboy.web;

import dev.paperboy.account.ApiTokens;
import dev.paperboy.account.TokenAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Personal API tokens on the calls that take them (docs/reliability.md API-4): {@code
 * Authorization: Bearer pb_...} on {@code /api/collections}. A token request acts for the token's
 * member alone, whatever session cookie comes with it, and needs no CSRF token (a browser never
 * sends the header by itself); a token that is unknown or revoked is answered 401 before anything
 * else runs. Other paths leave the header alone (the bounce webhook has a Bearer secret of its
 * own).
 */
final class ApiTokenFilter extends OncePerRequestFilter {
  private static final String BEARER = "Bearer ";

  private final ApiTokens tokens;

  ApiTokenFilter(ApiTokens tokens) {
    this.tokens = tokens;
  }

  /** Whether the request presents a token on a path that takes one. */
  static boolean presentsToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    String path = request.getRequestURI();
    return header != null
        && header.startsWith(BEARER)
        && (path.equals("/api/collections") || path.startsWith("/api/collections/"));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !presentsToken(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String raw = request.getHeader("Authorization").substring(BEARER.length()).strip();
    Optional<TokenAuthentication> token = tokens.authenticate(raw);
    if (token.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      response.setContentType("application/problem+json");
      response
          .getOutputStream()
          .write(
              ("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                      + "\"detail\":\"The token is unknown or revoked.\"}")
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(token.get());
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
