package dev.paperboy.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the SMTP relay answers: the {@code smtp} health component. An unreachable relay is a
 * {@code WARN}, never an outage: the digests wait in the outbox and account mails are retried by
 * the member, so the node stays in service (it is left out of readiness). The relay is asked at
 * most once a minute, however often the health is polled: a TCP connection and its 220 greeting.
 */
@Component("smtp")
class RelayHealth implements HealthIndicator {
  private static final Duration RECHECK = Duration.ofMinutes(1);
  private static final int TIMEOUT_MILLIS = 3_000;

  private final String host;
  private final int port;
  private final Clock clock;
  private volatile @Nullable Checked last;

  private record Checked(Instant at, Health health) {}

  RelayHealth(
      @Value("${spring.mail.host:}") String host,
      @Value("${spring.mail.port:587}") int port,
      Clock clock) {
    this.host = host;
    this.port = port;
    this.clock = clock;
  }

  @Override
  public Health health() {
    if (host.isBlank()) {
      return Health.unknown()
          .withDetail("relay", "not configured: mails are written to the log")
          .build();
    }
    Instant now = clock.instant();
    Checked known = last;
    if (known == null || known.at().plus(RECHECK).isBefore(now)) {
      known = new Checked(now, check());
      last = known;
    }
    return known.health();
  }

  private Health check() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      String greeting =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
      if (greeting != null && greeting.startsWith("220")) {
        return Health.up().withDetail("relay", host + ":" + port).build();
      }
      return Health.status(SenderDomainHealth.WARN)
          .withDetail("relay", host + ":" + port)
          .withDetail("error", "no 220 greeting: " + greeting)
          .build();
    } catch (IOException e) {
      return Health.status(SenderDomainHealth.WARN)
          .withDetail("relay", host + ":" + port)
          .withDetail("error", e.toString())
          .build();
    }
  }
}
