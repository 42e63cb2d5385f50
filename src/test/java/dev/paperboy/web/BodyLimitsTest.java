package dev.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperboy.support.Site;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/reliability.md API-1: body caps that hold for chunked bodies too, and a JSON nesting limit.
 */
@Site
class BodyLimitsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  @Test
  void aChunkedJsonBodyIsRefusedAtTheCapWhileItIsStillBeingSent() throws Exception {
    long subscriptions = count();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/subscriptions HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      // 96 KiB of an endless body: the answer comes before the body ends, so it was never read
      // whole (the last chunk is never sent).
      byte[] chunk =
          ("{\"email\": \"" + "a".repeat(4_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
      for (int sent = 0; sent < 96 * 1024; sent += chunk.length) {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 413 ");
    }
    assertThat(count()).isEqualTo(subscriptions);
  }

  @Test
  void aDeclaredLengthOverTheCapIsRefusedAndOneUnderItIsRead() throws Exception {
    String padding = " ".repeat(BodyLimits.OTHER_BYTES);
    assertThat(postJson("{\"email\": \"x@example.org\"}" + padding).statusCode()).isEqualTo(413);
    assertThat(postJson("{\"email\": \"not an address\"}" + " ".repeat(60_000)).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aFieldTheEndpointDoesNotTakeIsRefusedAndNothingIsStored() throws Exception {
    long subscriptions = count();
    HttpResponse<String> answer =
        postJson("{\"email\": \"mass@example.org\", \"status\": \"ACTIVE\", \"role\": \"admin\"}");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(count()).isEqualTo(subscriptions);
    assertThat(postJson("{\"email\": \"mass@example.org\"}").statusCode()).isEqualTo(202);
  }

  @Test
  void aChunkedFormIsAskedForItsLength() throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("email=a&password=b".getBytes())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(411);
  }

  @Test
  void jsonNestedDeeperThan32IsRefusedWhileParsing() throws Exception {
    String deep = "[".repeat(400) + "]".repeat(400);
    assertThatThrownBy(() -> json.readTree(deep)).isInstanceOf(StreamConstraintsException.class);
    assertThat(json.readTree("[".repeat(30) + "]".repeat(30)).isArray()).isTrue();

    HttpResponse<String> answer = postJson("{\"email\": " + deep + "}");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).doesNotContain("at tools.jackson");
  }

  private HttpResponse<String> postJson(String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/subscriptions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long count() {
    return jdbc.sql("SELECT count(*) FROM subscriptions").query(Long.class).single();
  }
}
