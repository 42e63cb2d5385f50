package dev.paperboy.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An SMTP server on a loopback port that answers as a test scripts it: the faults real relays show
 * (docs/reliability.md MAIL-2), which GreenMail cannot. It speaks just enough SMTP for Jakarta
 * Mail: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 */
public final class ScriptedSmtp {
  /** What to answer to a message: at RCPT (null to accept) and after its DATA. */
  public interface Script {
    /** The reply to RCPT TO for {@code recipient}, or null for 250. */
    default String rcpt(String recipient) {
      return null;
    }

    /**
     * The reply after the message's data: a reply line such as "250 OK", {@link #DROP} to close the
     * connection instead, or {@link #HANG} to never answer.
     *
     * @param n the number of this DATA on the server, from 1
     */
    String afterData(int n, String recipient);
  }

  public static final String DROP = "<drop>";
  public static final String HANG = "<hang>";

  public static final Script ACCEPT = (n, to) -> "250 2.0.0 OK";

  private static ScriptedSmtp instance;

  private final ServerSocket socket;
  private volatile Script script = ACCEPT;
  private final AtomicInteger datas = new AtomicInteger();
  private final List<String> delivered = new CopyOnWriteArrayList<>();

  private ScriptedSmtp() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static synchronized ScriptedSmtp server() {
    if (instance == null) {
      try {
        instance = new ScriptedSmtp();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  /** A new script; the counts start again. */
  public void script(Script next) {
    script = next;
    datas.set(0);
    delivered.clear();
  }

  /** Recipients of the messages answered 250, in order. */
  public List<String> delivered() {
    return List.copyOf(delivered);
  }

  /** DATA commands received under the current script. */
  public int datas() {
    return datas.get();
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        // As relays do: replies go out at once, not held back for more bytes (Nagle).
        client.setTcpNoDelay(true);
        Thread session = new Thread(() -> serve(client), "scripted-smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))) {
      OutputStream out = client.getOutputStream();
      reply(out, "220 scripted ESMTP");
      String recipient = "";
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String command = line.toUpperCase(Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          reply(out, "250 scripted");
        } else if (command.startsWith("MAIL FROM")) {
          reply(out, "250 2.1.0 OK");
        } else if (command.startsWith("RCPT TO")) {
          recipient = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
          String answer = script.rcpt(recipient);
          reply(out, answer == null ? "250 2.1.5 OK" : answer);
        } else if (command.equals("DATA")) {
          reply(out, "354 go ahead");
          for (String data = in.readLine(); data != null && !data.equals("."); ) {
            data = in.readLine();
          }
          int n = datas.incrementAndGet();
          String answer = script.afterData(n, recipient);
          if (DROP.equals(answer)) {
            return;
          }
          if (HANG.equals(answer)) {
            Thread.sleep(Long.MAX_VALUE);
          }
          if (answer.startsWith("250")) {
            delivered.add(recipient);
          }
          reply(out, answer);
        } else if (command.startsWith("QUIT")) {
          reply(out, "221 bye");
          return;
        } else {
          reply(out, "250 OK");
        }
      }
    } catch (IOException | InterruptedException e) {
      // The client went away, or the test ended a hang.
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Points the site's mail at this server, with a 2 s SMTP timeout (the hang test's). */
  public static class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "spring.mail.host=127.0.0.1",
              "spring.mail.port=" + server().port(),
              "spring.mail.properties.mail.smtp.starttls.enable=false",
              "spring.mail.properties.mail.smtp.timeout=2000",
              "spring.mail.properties.mail.smtp.writetimeout=2000")
          .applyTo(context);
    }
  }
}
