package dev.paperboy.ingest;

import dev.paperboy.ingest.arxiv.ArxivFormatException;
import dev.paperboy.store.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client for arXiv, behind the shared politeness gate. It fetches only URLs on the
 * configured arXiv hosts, follows no redirect, bounds every wait and every body, obeys {@code
 * Retry-After} (seconds or HTTP-date, never less than the interval), backs off exponentially with
 * jitter on 5xx, timeouts and resets, and gives up after a fixed number of attempts. A 403, an HTML
 * page or an empty body is an error, never "no papers" (docs/reliability.md ING-1, ING-3).
 */
@Component
public class ArxivClient implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(ArxivClient.class);

  private final JdbcPolitenessGate gate;
  private final ArxivSettings settings;
  private final Sleeper sleeper;
  private final Backoff backoff;
  private final CloseableHttpClient http;

  /** Scheme, host and port of the configured endpoints: the only places requests may go. */
  private final Set<String> allowedOrigins;

  ArxivClient(JdbcPolitenessGate gate, ArxivSettings settings, Sleeper sleeper, Clock clock) {
    this.gate = gate;
    this.settings = settings;
    this.sleeper = sleeper;
    this.backoff = Backoff.of(settings, clock);
    this.http = httpClient(settings);
    this.allowedOrigins =
        Stream.of(
                settings.oaiBaseUrl(),
                settings.apiBaseUrl(),
                settings.rssBaseUrl(),
                settings.pdfBaseUrl())
            .map(ArxivClient::origin)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** The body of a successful answer, after up to the configured number of attempts. */
  public byte[] get(URI uri) throws InterruptedException {
    return get(uri, settings.maxAttempts());
  }

  /**
   * The body of a successful answer after at most {@code maxAttempts} attempts: one for a look-up a
   * person is waiting for, who is better served by a quick "try again" than by minutes of backoff.
   */
  public byte[] get(URI uri, int maxAttempts) throws InterruptedException {
    return get(uri, maxAttempts, settings.maxBodyBytes());
  }

  /**
   * As {@link #get(URI, int)}, with a body cap of its own: a PDF for a thumbnail is worth far less
   * than a harvest page, and one over the cap is refused when the cap is passed, unread.
   */
  public byte[] get(URI uri, int maxAttempts, long maxBytes) throws InterruptedException {
    if (uri.getHost() == null || !allowedOrigins.contains(origin(uri))) {
      throw new ArxivRefused("not an arXiv address Paperboy may fetch: " + uri);
    }
    String failure = "no attempt made";
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Duration wait;
      try (JdbcPolitenessGate.Permit permit = gate.acquire(uri.toString())) {
        Answer answer = exchange(uri, maxBytes);
        permit.status(answer.status());
        if (answer.status() == 200) {
          if (answer.isHtml()) {
            throw new ArxivRefused(
                "arXiv answered " + uri + " with an HTML page (Access Denied?), not data");
          }
          if (answer.body().length > 0) {
            return answer.body();
          }
          failure = "an empty 200 answer";
          wait = backoff.after(attempt);
        } else if (answer.status() == 503 || answer.status() == 429) {
          failure = "HTTP " + answer.status();
          wait = backoff.retryAfter(answer.retryAfter()).orElse(backoff.after(attempt));
        } else if (answer.status() >= 500) {
          failure = "HTTP " + answer.status();
          wait = backoff.after(attempt);
        } else {
          throw new ArxivRefused(
              "arXiv answered "
                  + uri
                  + " with HTTP "
                  + answer.status()
                  + (answer.isHtml() ? " (an HTML page)" : ""));
        }
      } catch (IOException e) {
        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
        wait = backoff.after(attempt);
      }
      if (attempt < maxAttempts) {
        log.warn(
            "arXiv request {} failed ({}), attempt {} of {}; waiting {} s",
            uri,
            failure,
            attempt,
            maxAttempts,
            wait.toSeconds());
        sleeper.sleep(wait);
      }
    }
    throw new ArxivUnavailable(
        "arXiv did not answer " + uri + " after " + maxAttempts + " attempts; last: " + failure);
  }

  private static String origin(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return uri.getScheme() + "://" + uri.getHost() + ":" + port;
  }

  private record Answer(
      int status, byte[] body, @Nullable String contentType, @Nullable String retryAfter) {
    boolean isHtml() {
      return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
    }
  }

  private Answer exchange(URI uri, long maxBytes) throws IOException {
    HttpGet get = new HttpGet(uri);
    get.setHeader(HttpHeaders.ACCEPT_ENCODING, "gzip");
    // Closed without being read to its end, the answer's connection is dropped, never reused:
    // what is left of a body over the cap is not read.
    try (ClassicHttpResponse response = http.executeOpen(null, get, null)) {
      HttpEntity entity = response.getEntity();
      byte[] body =
          entity == null
              ? new byte[0]
              : read(
                  entity.getContent(),
                  "gzip".equalsIgnoreCase(header(response, "Content-Encoding")),
                  maxBytes);
      return new Answer(
          response.getCode(),
          body,
          header(response, HttpHeaders.CONTENT_TYPE),
          header(response, HttpHeaders.RETRY_AFTER));
    }
  }

  private static @Nullable String header(ClassicHttpResponse response, String name) {
    Header header = response.getFirstHeader(name);
    return header == null ? null : header.getValue();
  }

  /**
   * One connection at a time (the gate allows no more), the configured timeouts on connecting and
   * on every read, and nothing done behind the gate's back: no automatic retry (each attempt is a
   * permit), no redirect, no decompression but the capped one in {@link #read}.
   */
  private static CloseableHttpClient httpClient(ArxivSettings settings) {
    ConnectionConfig connections =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeout().toMillis()))
            .setSocketTimeout(Timeout.ofMilliseconds(settings.readTimeout().toMillis()))
            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
            .build();
    return HttpClients.custom()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connections)
                .setMaxConnTotal(1)
                .setMaxConnPerRoute(1)
                .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableContentCompression()
        .disableCookieManagement()
        .setUserAgent(settings.userAgent())
        .build();
  }

  @Override
  public void close() throws IOException {
    http.close();
  }

  /** Reads a body, refusing more than the cap before and after decompression (ING-2). */
  private byte[] read(InputStream raw, boolean gzip, long maxBytes) throws IOException {
    Supplier<ArxivFormatException> tooLarge =
        () -> new ArxivFormatException("arXiv's answer is larger than " + maxBytes + " bytes");
    try (InputStream capped = new CappedInputStream(raw, maxBytes, tooLarge);
        InputStream in =
            gzip
                ? new CappedInputStream(new GZIPInputStream(capped), maxBytes, tooLarge)
                : capped) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }
}
