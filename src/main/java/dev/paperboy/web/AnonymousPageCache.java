package dev.paperboy.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.paperboy.curation.CurationSettings;
import dev.paperboy.curation.DailyLists;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The list pages and the list API as anonymous readers get them, kept for as long as the lists' own
 * cache ({@code paperboy.curation.cache-for}, one second) and dropped at once when this node
 * changes a list (votes only change counts: those show within that second). These are the busiest
 * requests, identical for every reader without a session: a hit skips sessions, security and
 * rendering. Signed-in members (a session or remember-me cookie), conditional requests and anything
 * but a 200 without cookies always go through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AnonymousPageCache extends OncePerRequestFilter {
  private static final Pattern CACHED =
      Pattern.compile(
          "/|/papers|/papers/date/[0-9-]{10}|/papers/(?:week|month)(?:/[0-9W-]{1,10})?"
              + "|/papers/trending|/api/daily_papers");
  private static final Set<String> MEMBER_COOKIES =
      Set.of("__Host-SESSION", "SESSION", "__Host-remember", "remember");
  private static final int MAX_BODY = 1 << 20;

  /** A response as it was sent, and the list version it was drawn from. */
  private record Page(
      long version, String contentType, Map<String, List<String>> headers, byte[] body) {}

  private final DailyLists lists;
  private final Cache<String, Page> pages;

  AnonymousPageCache(DailyLists lists, CurationSettings settings) {
    this.lists = lists;
    this.pages =
        Caffeine.newBuilder().expireAfterWrite(settings.cacheFor()).maximumSize(2_000).build();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())
        || request.getHeader("If-None-Match") != null
        || request.getHeader("If-Modified-Since") != null
        || !CACHED.matcher(request.getRequestURI()).matches()) {
      return true;
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (MEMBER_COOKIES.contains(cookie.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
            + "|"
            + request.getHeader("Accept")
            // https answers carry headers (HSTS) that plain http ones must not
            + (request.isSecure() ? "|https" : "");
    long version = lists.version();
    Page page = pages.getIfPresent(key);
    if (page != null && page.version() == version) {
      // Set, not added: the filters before this one (SecurityHeaders) have written some already.
      page.headers()
          .forEach(
              (name, values) -> {
                response.setHeader(name, values.get(0));
                values.subList(1, values.size()).forEach(v -> response.addHeader(name, v));
              });
      response.setContentType(page.contentType());
      response.setContentLength(page.body().length);
      response.getOutputStream().write(page.body());
      return;
    }
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, captured);
    if (captured.getStatus() == 200
        && captured.getHeader("Set-Cookie") == null
        && captured.getContentType() != null
        && captured.getContentSize() <= MAX_BODY) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String name : captured.getHeaderNames()) {
        if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
          headers.put(name, new ArrayList<>(captured.getHeaders(name)));
        }
      }
      pages.put(
          key,
          new Page(version, captured.getContentType(), headers, captured.getContentAsByteArray()));
    }
    captured.copyBodyToResponse();
  }
}
