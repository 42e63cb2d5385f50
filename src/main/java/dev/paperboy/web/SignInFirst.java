package dev.paperboy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * What a visitor who is not signed in gets from a members' page: a page reader is sent to sign in
 * and brought back ({@code next=}, checked by {@link SafeRedirect} when it is used), never a blank
 * 401; an API client gets its 401 as problem+json.
 */
final class SignInFirst implements AuthenticationEntryPoint {
  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                  + "\"detail\":\"Sign in first: this needs a member's session.\"}");
      return;
    }
    String back = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    response.sendRedirect("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
  }
}
