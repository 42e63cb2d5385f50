package dev.paperboy.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for arXiv: answers scripted responses in order and records every request (its
 * query, or its path when it has none), how many were in flight at once, and nothing else. Loopback
 * only.
 */
public final class ArxivStub implements AutoCloseable {
  /** How a connection goes wrong. */
  public enum Fault {
    NONE,
    /** The connection is closed before any answer: to the client, a reset. */
    HANG_UP,
    /** The headers promise the whole body, and the connection closes after half of it. */
    CUT_BODY
  }

  /** One scripted answer. {@code delayMillis} holds the answer back, in real time. */
  public record Reply(
      int status,
      String contentType,
      byte[] body,
      String retryAfter,
      long delayMillis,
      boolean gzip,
      Fault fault) {
    public Reply(int status, String contentType, byte[] body, String retryAfter, long delayMillis) {
      this(status, contentType, body, retryAfter, delayMillis, false, Fault.NONE);
    }

    /** A body sent with {@code Content-Encoding: gzip}; {@code compressed} is already gzip. */
    public static Reply gzipped(String contentType, byte[] compressed) {
      return new Reply(200, contentType, compressed, null, 0, true, Fault.NONE);
    }

    /** No answer at all: the connection closes as soon as the request is in. */
    public static Reply hangUp() {
      return new Reply(200, "text/plain", new byte[0], null, 0, false, Fault.HANG_UP);
    }

    /** This answer, cut off halfway through its body. */
    public Reply cut() {
      return new Reply(status, contentType, body, retryAfter, delayMillis, gzip, Fault.CUT_BODY);
    }

    public static Reply xml(String body) {
      return new Reply(
          200, "text/xml;charset=UTF-8", body.getBytes(StandardCharsets.UTF_8), null, 0);
    }

    public static Reply status(int status, String retryAfter) {
      return new Reply(
          status, "text/plain", "busy".getBytes(StandardCharsets.UTF_8), retryAfter, 0);
    }

    public static Reply html(int status, String body) {
      return new Reply(status, "text/html", body.getBytes(StandardCharsets.UTF_8), null, 0);
    }

    public Reply delayed(long millis) {
      return new Reply(status, contentType, body, retryAfter, millis, gzip, fault);
    }
  }

  private final HttpServer server;
  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<String> requests = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  public ArxivStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/oai";
  }

  public synchronized ArxivStub then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  public synchronized void reset() {
    script.clear();
    requests.clear();
    maxInFlight.set(0);
  }

  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  public int inFlight() {
    return inFlight.get();
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      Reply reply;
      synchronized (this) {
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(query != null ? query : exchange.getRequestURI().getRawPath());
        reply = script.isEmpty() ? Reply.status(500, null) : script.poll();
      }
      if (reply.delayMillis() > 0) {
        // A server that stalls: the client's read timeout must cut it off.
        try {
          Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (reply.fault() == Fault.HANG_UP) {
        // Closing an exchange that has sent no headers drops the connection.
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", reply.contentType());
      if (reply.gzip()) {
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
      }
      if (reply.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
      }
      exchange.sendResponseHeaders(
          reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
      if (reply.fault() == Fault.CUT_BODY) {
        OutputStream out = exchange.getResponseBody();
        out.write(reply.body(), 0, reply.body().length / 2);
        out.flush();
        // Closing short of the promised length drops the connection: the client reads a
        // premature end of the body.
        out.close();
        return;
      }
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    } catch (IOException e) {
      // The client gave up (a read timeout under test); nothing to answer.
    } finally {
      inFlight.decrementAndGet();
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
