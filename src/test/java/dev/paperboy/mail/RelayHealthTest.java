package dev.paperboy.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.support.FakeTime;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** The smtp health component against real sockets: a greeting relay, a closed port, a mute one. */
class RelayHealthTest {
  @Test
  void aRelayThatGreetsIsUpAndIsAskedOnceAMinute() throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket relay = new ServerSocket(0)) {
      Thread server =
          new Thread(
              () -> {
                while (!relay.isClosed()) {
                  try (Socket client = relay.accept()) {
                    connections.incrementAndGet();
                    OutputStream out = client.getOutputStream();
                    out.write(
                        "220 relay.example.org ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    client.getInputStream().read();
                  } catch (Exception e) {
                    return;
                  }
                }
              });
      server.setDaemon(true);
      server.start();
      FakeTime time = new FakeTime(Instant.parse("2026-11-27T12:00:00Z"));
      RelayHealth health = new RelayHealth("127.0.0.1", relay.getLocalPort(), time);

      assertThat(health.health().getStatus()).isEqualTo(Status.UP);
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);
      assertThat(connections.get()).isEqualTo(1);
      time.set(time.instant().plus(Duration.ofSeconds(61)));
      assertThat(health.health().getStatus()).isEqualTo(Status.UP);
      assertThat(connections.get()).isEqualTo(2);
    }
  }

  @Test
  void anUnreachableRelayIsAWarningNotAnOutage() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    RelayHealth health =
        new RelayHealth("127.0.0.1", closed, new FakeTime(Instant.parse("2026-11-27T12:00:00Z")));

    assertThat(health.health().getStatus().getCode()).isEqualTo("WARN");
    assertThat(health.health().getDetails()).containsKey("error");
  }

  @Test
  void withoutARelayTheComponentSaysMailGoesToTheLog() {
    RelayHealth health =
        new RelayHealth("", 587, new FakeTime(Instant.parse("2026-11-27T12:00:00Z")));

    assertThat(health.health().getStatus()).isEqualTo(Status.UNKNOWN);
    assertThat(health.health().getDetails().get("relay").toString()).contains("log");
  }
}
