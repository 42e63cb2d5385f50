package dev.paperboy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Paperboy {@code serve} process of its own on a loopback port, as an operator runs one: for the
 * multi-node and crash tests. Mail goes to the test's GreenMail server ({@link Mailbox}).
 */
public final class Node implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final int port;
  private final Path log;
  private final Process process;

  private Node(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts {@code serve} on the store with the given {@code key=value} settings, its data directory
   * (search index, log) under {@code dir}; does not wait for it to be ready.
   */
  public static Node start(String name, List<String> store, Path dir, String... settings) {
    try {
      Path nodeDir = Files.createDirectories(dir.resolve(name));
      int port = freePort();
      List<String> command = java(store, settings);
      command.addAll(
          List.of("serve", "--port", Integer.toString(port), "--data-dir", nodeDir.toString()));
      Path log = nodeDir.resolve("serve.log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new Node(name, port, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A {@code java} command running Paperboy's main class on the store, with the test mailbox as its
   * relay and the given {@code key=value} settings as system properties.
   */
  public static List<String> java(List<String> store, String... settings) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-Dspring.mail.host=127.0.0.1");
    command.add("-Dspring.mail.port=" + Mailbox.port());
    command.add("-Dspring.mail.properties.mail.smtp.starttls.enable=false");
    command.add("-Dpaperboy.digest.rate=100000/PT1S");
    for (String option : store) {
      command.add("-D" + option.substring(2));
    }
    for (String setting : settings) {
      command.add("-D" + setting);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.paperboy.cli.Main");
    return command;
  }

  /** Waits until the node says it is ready for traffic; fails with its log if it dies first. */
  public Node awaitReady(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("node " + name + " exited at start-up:\n" + tail());
      }
      try {
        HttpResponse<Void> ready =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    throw new AssertionError("node " + name + " not ready within " + within + ":\n" + tail());
  }

  public int port() {
    return port;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** A browser of its own on this node. */
  public WebClient browser() {
    return new WebClient(port);
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: the node stops between two instructions, as in a power cut. */
  public void kill() {
    process.destroyForcibly();
    waitFor();
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The end of the node's log, for failure messages. */
  public String tail() {
    String all = log();
    return all.substring(Math.max(0, all.length() - 6_000));
  }

  /** SIGTERM: a graceful shutdown. */
  @Override
  public void close() {
    process.destroy();
    waitFor();
  }

  private void waitFor() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
