package dev.paperboy.web;

import dev.paperboy.rules.Limits;
import dev.paperboy.rules.RateLimits;
import dev.paperboy.rules.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in throttling before any password is hashed, so that a 429 costs nothing
 * (docs/reliability.md AUTH-3, proved by AbuseLimitsContract). Every attempt counts against its
 * client address. Wrong passwords also count against the account, and that count holds back only
 * the addresses that guessed wrong on it: the longer they keep guessing, the longer they wait (the
 * account's bucket goes into debt), while the owner, from an address that has not failed on the
 * account, is never held back by what others did. An attacker who spreads guesses over many
 * addresses gets one free guess on the account per address, then waits like the rest.
 */
final class SignInThrottle extends OncePerRequestFilter {
  private final RateLimits rateLimits;
  private final Limits limits;

  SignInThrottle(RateLimits rateLimits, Limits limits) {
    this.rateLimits = rateLimits;
    this.limits = limits;
  }

  /** Called by the sign-in form's failure handler: a wrong password for {@code email}. */
  void failed(HttpServletRequest request) {
    String account = account(request);
    if (account != null) {
      rateLimits.record(limits.signInPerAccount(), account);
      rateLimits.record(limits.signInPerAccount(), fromAddress(account, request));
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      rateLimits.take(limits.signInPerIp(), request.getRemoteAddr());
      String account = account(request);
      if (account != null
          && rateLimits.used(limits.signInPerAccount(), fromAddress(account, request))) {
        rateLimits.check(limits.signInPerAccount(), account);
      }
    } catch (Refusal e) {
      // Status and Retry-After before the body: headers set after it may never leave.
      RefusalAnswers.status(response, e);
      response.setContentType("text/plain;charset=UTF-8");
      response.getOutputStream().write((e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(request, response);
  }

  private static @Nullable String account(HttpServletRequest request) {
    String email = request.getParameter("email");
    return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
  }

  /** The subject of one address's wrong guesses on one account. */
  private static String fromAddress(String account, HttpServletRequest request) {
    return account + " from " + request.getRemoteAddr();
  }
}
