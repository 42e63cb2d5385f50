package dev.paperboy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} only for the scraper that holds {@code paperboy.web.metrics-token}
 * (docs/reliability.md API-4, proved by SecurityHeadersTest): pool sizes, disk and JVM figures tell
 * an attacker what hurts. Without a token configured the endpoint is not there (404), as every
 * other Actuator endpoint but health; with one, a request without it gets 401.
 */
@Component
class MetricsAccess extends OncePerRequestFilter {
  static final String PATH = "/actuator/prometheus";

  private final byte[] expected;

  MetricsAccess(@Value("${paperboy.web.metrics-token:}") String token) {
    this.expected =
        token.isBlank()
            ? new byte[0]
            : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(PATH);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (expected.length == 0) {
      response.sendError(404);
      return;
    }
    String given = request.getHeader("Authorization");
    if (given == null
        || !MessageDigest.isEqual(expected, given.strip().getBytes(StandardCharsets.UTF_8))) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
      response.sendError(401);
      return;
    }
    chain.doFilter(request, response);
  }
}
