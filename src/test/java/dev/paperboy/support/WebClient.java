package dev.paperboy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's worth of HTTP against the site under test: its own cookies (kept by hand, since the
 * JDK's cookie store will not send the site's Secure cookies over the test's plain http), redirects
 * not followed so tests see them.
 */
public final class WebClient {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final int port;
  private final Map<String, String> cookies = new ConcurrentHashMap<>();

  public WebClient(int port) {
    this.port = port;
  }

  /** A GET as a browser sends it, asking for HTML. */
  public HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET(), headers);
  }

  /** Posts a form, as is (no CSRF token added). */
  public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form))),
        headers);
  }

  /** Posts a form with the CSRF token of the page at {@code formPage}. */
  public HttpResponse<String> submit(
      String formPage, String path, Map<String, String> form, String... headers) {
    Map<String, String> withToken = new LinkedHashMap<>(form);
    withToken.put("_csrf", csrf(formPage));
    return post(path, withToken, headers);
  }

  public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    return send(CLIENT, request, headers);
  }

  /**
   * Sends on a connection of its own: for requests the server answers early and then closes (a body
   * over the size limit), which would spoil a pooled connection.
   */
  public HttpResponse<String> sendAlone(HttpRequest.Builder request, String... headers) {
    return send(HttpClient.newHttpClient(), request, headers);
  }

  private HttpResponse<String> send(
      HttpClient client, HttpRequest.Builder request, String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq);
        String value = pair.substring(eq + 1);
        if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The CSRF token in the form of the page at {@code path}. */
  public String csrf(String path) {
    HttpResponse<String> page = get(path);
    Matcher token = CSRF.matcher(page.body());
    if (!token.find()) {
      throw new AssertionError("no CSRF token on " + path + " (" + page.statusCode() + ")");
    }
    return token.group(1);
  }

  public Map<String, String> cookies() {
    return cookies;
  }

  /** Sets a cookie, as a browser replaying one would. */
  public void setCookie(String name, String value) {
    cookies.put(name, value);
  }

  public int port() {
    return port;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
