package dev.paperboy.ingest;

import dev.paperboy.ingest.arxiv.ArxivFormatException;
import dev.paperboy.store.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPInputStream;
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
public class ArxivClient {
  private static final Logger log = LoggerFactory.getLogger(ArxivClient.class);

  private final JdbcPolitenessGate gate;
  private final ArxivSettings settings;
  private final Sleeper sleeper;
  private final Clock clock;

  /** Scheme, host and port of the configured endpoints: the only places requests may go. */
  private final Set<String> allowedOrigins;

  private final RandomGenerator random = RandomGenerator.getDefault();

  ArxivClient(JdbcPolitenessGate gate, ArxivSettings settings, Sleeper sleeper, Clock clock) {
    this.gate = gate;
    this.settings = settings;
    this.sleeper = sleeper;
    this.clock = clock;
    this.allowedOrigins =
        java.util.stream.Stream.of(
                settings.oaiBaseUrl(), settings.apiBaseUrl(), settings.rssBaseUrl())
            .map(ArxivClient::origin)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
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
    if (uri.getHost() == null || !allowedOrigins.contains(origin(uri))) {
      throw new ArxivRefused("not an arXiv address Paperboy may fetch: " + uri);
    }
    String failure = "no attempt made";
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Duration wait;
      try (JdbcPolitenessGate.Permit permit = gate.acquire(uri.toString())) {
        Answer answer = exchange(uri);
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
          wait = backoff(attempt);
        } else if (answer.status() == 503 || answer.status() == 429) {
          failure = "HTTP " + answer.status();
          wait = retryAfter(answer.retryAfter()).orElse(backoff(attempt));
        } else if (answer.status() >= 500) {
          failure = "HTTP " + answer.status();
          wait = backoff(attempt);
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
        wait = backoff(attempt);
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

  private Answer exchange(URI uri) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    // HttpURLConnection rather than java.net.http: it has a per-read timeout, so a server that
    // stalls mid-body is cut off, where HttpClient's timeout stops at the response headers.
    connection.setInstanceFollowRedirects(false);
    connection.setConnectTimeout((int) settings.connectTimeout().toMillis());
    connection.setReadTimeout((int) settings.readTimeout().toMillis());
    connection.setRequestProperty("User-Agent", settings.userAgent());
    connection.setRequestProperty("Accept-Encoding", "gzip");
    try {
      int status = connection.getResponseCode();
      InputStream raw = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      byte[] body =
          raw == null
              ? new byte[0]
              : read(raw, "gzip".equalsIgnoreCase(connection.getContentEncoding()));
      return new Answer(
          status, body, connection.getContentType(), connection.getHeaderField("Retry-After"));
    } finally {
      connection.disconnect();
    }
  }

  /** Reads a body, refusing more than the cap before and after decompression (ING-2). */
  private byte[] read(InputStream raw, boolean gzip) throws IOException {
    try (InputStream capped = new CappedInputStream(raw, settings.maxBodyBytes(), this::tooLarge);
        InputStream in =
            gzip
                ? new CappedInputStream(
                    new GZIPInputStream(capped), settings.maxBodyBytes(), this::tooLarge)
                : capped) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  /** Retry-After in seconds or as an HTTP-date, never shorter than the interval. */
  java.util.Optional<Duration> retryAfter(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return java.util.Optional.empty();
    }
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      try {
        wait =
            Duration.between(
                clock.instant(),
                ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
      } catch (DateTimeParseException notADate) {
        return java.util.Optional.empty();
      }
    }
    if (wait.compareTo(settings.interval()) < 0) {
      wait = settings.interval();
    }
    return java.util.Optional.of(
        wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait);
  }

  private ArxivFormatException tooLarge() {
    return new ArxivFormatException(
        "arXiv's answer is larger than " + settings.maxBodyBytes() + " bytes");
  }

  /** Exponential from the interval, capped, with "equal jitter": half fixed, half random. */
  Duration backoff(int attempt) {
    long base = settings.interval().toMillis() << Math.min(attempt, 20);
    long capped = Math.min(base, settings.maxBackoff().toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + random.nextLong(half + 1));
  }
}
